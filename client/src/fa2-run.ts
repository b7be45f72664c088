/**
 * ForceAtlas2 for a fixed number of iterations in fixed-size chunks: the result is a function
 * of its input alone (no timing), so a link, a reload and Back lay out alike. After each chunk
 * the positions so far are reported, so the drawing settles as it is seen.
 */
import { UndirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

export interface LayoutRequest {
  id: number;
  keys: string[];
  /** x0, y0, x1, y1, … in key order. */
  xy: Float64Array;
  /** 1 where the node must not move. */
  fixed: Uint8Array;
  /** Index pairs into keys. */
  edges: Uint32Array;
  iterations: number;
  chunk: number;
}
export interface LayoutProgress {
  id: number;
  xy: Float64Array;
  done: boolean;
}

export function runLayout(request: LayoutRequest, report: (progress: LayoutProgress) => void): void {
  const { id, keys, xy, fixed, edges, iterations, chunk } = request;
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
    report({ id, xy: out, done: done >= iterations });
  }
}
