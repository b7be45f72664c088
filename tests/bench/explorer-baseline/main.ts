/**
 * The baseline of tests/bench/explorer.ts: the same graph in a plain Sigma page with
 * graphology's ForceAtlas2 worker supervisor, as Sigma's examples set it up.
 */
import Graph from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';

const RUN_MS = 4000;

async function main(): Promise<void> {
  const data = await (await fetch('/api/graph')).json();
  performance.mark('dyad:data');
  const graph = Graph.from(data);
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  graph.updateEachNodeAttributes((_n, a) => ({ label: a.name, x: random() * 100, y: random() * 100, size: 3 }));
  // Sigma reads `type` as the program to draw with: the relation type must not land there.
  graph.updateEachEdgeAttributes(() => ({ size: 1 }));
  const renderer = new Sigma(graph, document.getElementById('graph')!);
  renderer.refresh();
  performance.mark('dyad:first-frame');
  const layout = new FA2Layout(graph, { settings: forceAtlas2.inferSettings(graph) });
  layout.start();
  setTimeout(() => {
    layout.kill();
    performance.mark('dyad:loaded');
  }, RUN_MS);
}

void main();
