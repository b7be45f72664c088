/**
 * The graphology model: the API's serialised graphs merged into one MultiDirectedGraph
 * that keeps every node's position across reloads, so filtering never reshuffles the view.
 */
import { MultiDirectedGraph, UndirectedGraph } from 'graphology';
import { indexParallelEdgesIndex } from '@sigma/edge-curve';
import type { EdgeAttributes, NodeAttributes, SerializedGraph } from '../../server/domain/index.ts';

export type ModelNode = NodeAttributes & { x: number; y: number };
/** parallel* are written by indexParallelEdgesIndex so several relations of one pair curve apart. */
export type ModelEdge = EdgeAttributes & {
  parallelIndex?: number | null;
  parallelMinIndex?: number | null;
  parallelMaxIndex?: number | null;
};
export type Model = MultiDirectedGraph<ModelNode, ModelEdge>;

export const createModel = (): Model => new MultiDirectedGraph<ModelNode, ModelEdge>();

/**
 * Make the model equal to `data`: drop what is gone, update what stays (keeping x/y),
 * place newcomers next to their neighbours. Returns how many nodes are new.
 */
export function syncModel(model: Model, data: SerializedGraph): number {
  const nodeKeys = new Set(data.nodes.map((n) => n.key));
  const edgeKeys = new Set(data.edges.map((e) => e.key));
  model.forEachEdge((edge) => {
    if (!edgeKeys.has(edge)) model.dropEdge(edge);
  });
  model.forEachNode((node) => {
    if (!nodeKeys.has(node)) model.dropNode(node);
  });

  const fresh = data.nodes.filter((n) => !model.hasNode(n.key));
  for (const node of data.nodes) {
    if (model.hasNode(node.key)) model.mergeNodeAttributes(node.key, node.attributes);
  }
  const neighbours = new Map<string, string[]>();
  for (const edge of data.edges) {
    neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
    neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
  }
  const spread = Math.max(1, Math.sqrt(model.order + fresh.length)) * 10;
  for (const node of fresh) {
    const placed = (neighbours.get(node.key) ?? []).filter((n) => model.hasNode(n));
    const [x, y] = placed.length
      ? [mean(placed.map((n) => model.getNodeAttribute(n, 'x'))), mean(placed.map((n) => model.getNodeAttribute(n, 'y')))]
      : [0, 0];
    // Seeded by the key, so the same view lays out alike on every load (links reproduce it).
    const angle = unitHash(node.key) * 2 * Math.PI;
    const radius = placed.length ? spread / 5 : spread * Math.sqrt(unitHash(`${node.key}#r`));
    model.addNode(node.key, { ...node.attributes, x: x + radius * Math.cos(angle), y: y + radius * Math.sin(angle) });
  }

  for (const edge of data.edges) {
    if (model.hasEdge(edge.key)) model.replaceEdgeAttributes(edge.key, edge.attributes);
    else model.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, edge.attributes);
  }
  indexParallelEdgesIndex(model);
  return fresh.length;
}

/** A stable pseudo-random number in [0, 1) from a string (FNV-1a). */
function unitHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0) / 2 ** 32;
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

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
