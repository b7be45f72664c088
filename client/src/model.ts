/**
 * The graphology model: the API's serialised graphs merged into one MultiDirectedGraph
 * whose positions come from the layout of the view's scope (layout.ts).
 */
import { MultiDirectedGraph, UndirectedGraph } from 'graphology';
import type { EdgeAttributes, NodeAttributes, SerializedGraph } from '../../server/domain/index.ts';

export type ModelNode = NodeAttributes & { x: number; y: number };
/** parallel* are written by syncModel (see parallelIndices) so several relations of one pair curve apart. */
export type ModelEdge = EdgeAttributes & ParallelIndex;
export interface ParallelIndex {
  parallelIndex: number | null;
  parallelMaxIndex: number | null;
}
export type Model = MultiDirectedGraph<ModelNode, ModelEdge>;

export const createModel = (): Model => new MultiDirectedGraph<ModelNode, ModelEdge>();

/**
 * Make the model equal to `data`: drop what is gone, update what stays, and put every
 * actor where `place` says (the layout's positions, or a pin).
 */
export function syncModel(model: Model, data: SerializedGraph, place: (key: string) => { x: number; y: number }): void {
  const nodeKeys = new Set(data.nodes.map((n) => n.key));
  const edgeKeys = new Set(data.edges.map((e) => e.key));
  model.forEachEdge((edge) => {
    if (!edgeKeys.has(edge)) model.dropEdge(edge);
  });
  model.forEachNode((node) => {
    if (!nodeKeys.has(node)) model.dropNode(node);
  });
  for (const node of data.nodes) {
    const at = place(node.key);
    if (model.hasNode(node.key)) model.replaceNodeAttributes(node.key, { ...node.attributes, x: at.x, y: at.y });
    else model.addNode(node.key, { ...node.attributes, x: at.x, y: at.y });
  }
  const parallel = parallelIndices(data.edges);
  for (const edge of data.edges) {
    const attributes = { ...edge.attributes, ...parallel.get(edge.key)! };
    if (model.hasEdge(edge.key)) model.replaceEdgeAttributes(edge.key, attributes);
    else model.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, attributes);
  }
}

/**
 * Where each relation sits among the relations of its pair of actors, as @sigma/edge-curve's
 * indexParallelEdgesIndex numbers them (null for a pair's only relation), in one pass over the
 * data instead of over the model: several relations one way fan out around the straight line
 * (−(n−1)/2 … (n−1)/2); with relations both ways, each way counts 1 … n on its own side.
 */
export function parallelIndices(edges: readonly { key: string; source: string; target: string }[]): Map<string, ParallelIndex> {
  // Actor ids never hold a NUL: it joins two of them into one key.
  const pairOf = (source: string, target: string) => (source < target ? `${source}\0${target}` : `${target}\0${source}`);
  const directed = new Map<string, { pair: string; keys: string[] }>();
  const undirected = new Map<string, number>();
  for (const { key, source, target } of edges) {
    const way = `${source}\0${target}`;
    const pair = pairOf(source, target);
    (directed.get(way) ?? directed.set(way, { pair, keys: [] }).get(way)!).keys.push(key);
    undirected.set(pair, (undirected.get(pair) ?? 0) + 1);
  }
  const indices = new Map<string, ParallelIndex>();
  for (const { pair, keys } of directed.values()) {
    const both = undirected.get(pair)!;
    keys.forEach((key, i) => {
      if (keys.length === both) {
        const index = keys.length === 1 ? null : i - (keys.length - 1) / 2;
        indices.set(key, { parallelIndex: index, parallelMaxIndex: index === null ? null : (keys.length - 1) / 2 });
      } else indices.set(key, { parallelIndex: i + 1, parallelMaxIndex: keys.length });
    });
  }
  return indices;
}

/** Move the actors the layout has placed, leaving the rest (pinned, or not in it) alone. */
export function movePositions(model: Model, positions: ReadonlyMap<string, { x: number; y: number }>, pinned: Readonly<Record<string, unknown>>): void {
  model.updateEachNodeAttributes(
    (node, attrs) => {
      const at = positions.get(node);
      return at && !(node in pinned) ? { ...attrs, x: at.x, y: at.y } : attrs;
    },
    { attributes: ['x', 'y'] },
  );
}

export const EMPTY_GRAPH: SerializedGraph = {
  options: { type: 'directed', multi: true, allowSelfLoops: true },
  attributes: { truncated: false, omittedNodes: 0, omittedEdges: 0 },
  nodes: [],
  edges: [],
};

/** One undirected edge per connected pair: the graph the centralities and communities run on. */
export function simpleProjection(model: Model): UndirectedGraph {
  const simple = new UndirectedGraph();
  model.forEachNode((node) => simple.addNode(node));
  model.forEachEdge((_edge, _attrs, source, target) => {
    if (source !== target) simple.mergeEdge(source, target);
  });
  return simple;
}

/** Merge several serialised graphs (an ego view of several actors) into one. */
export function unionGraphs(graphs: SerializedGraph[]): SerializedGraph {
  const [first] = graphs;
  if (!first) throw new Error('unionGraphs needs at least one graph');
  const nodes = new Map(graphs.flatMap((g) => g.nodes.map((n) => [n.key, n] as const)));
  const edges = new Map(graphs.flatMap((g) => g.edges.map((e) => [e.key, e] as const)));
  return {
    ...first,
    attributes: {
      truncated: graphs.some((g) => g.attributes.truncated),
      omittedNodes: Math.max(...graphs.map((g) => g.attributes.omittedNodes)),
      omittedEdges: Math.max(...graphs.map((g) => g.attributes.omittedEdges)),
    },
    nodes: [...nodes.values()],
    edges: [...edges.values()],
  };
}
