/**
 * ForceAtlas2 off the main thread, for a fixed number of iterations in fixed-size chunks: the
 * result is a function of its input alone (no timing), so a link, a reload and Back lay out
 * alike. After each chunk the positions so far go back, so the drawing settles as it is seen.
 */
import { UndirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { LayoutRequest, LayoutProgress } from './layout.ts';

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, keys, xy, fixed, edges, iterations, chunk } = event.data;
  const graph = new UndirectedGraph();
  keys.forEach((key, i) => graph.addNode(key, { x: xy[2 * i]!, y: xy[2 * i + 1]!, fixed: fixed[i] === 1 }));
  for (let i = 0; i < edges.length; i += 2) graph.mergeEdge(keys[edges[i]!]!, keys[edges[i + 1]!]!);
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 300 };
  for (let done = 0; done < iterations; ) {
    const step = Math.min(chunk, iterations - done);
    forceAtlas2.assign(graph, { iterations: step, settings });
    done += step;
    const out = new Float64Array(keys.length * 2);
    keys.forEach((key, i) => {
      out[2 * i] = graph.getNodeAttribute(key, 'x') as number;
      out[2 * i + 1] = graph.getNodeAttribute(key, 'y') as number;
    });
    const message: LayoutProgress = { id, xy: out, done: done >= iterations };
    (self as unknown as Worker).postMessage(message, [out.buffer]);
  }
};
