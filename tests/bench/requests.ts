/**
 * The questions the benchmark asks, each as an API request and, where Neo4j can answer it
 * directly, as plain Cypher (cypher/bench/<name>.cypher) with the same parameters.
 */
import type { CorpusManifest } from './corpus.ts';

export interface BenchRequest {
  name: string;
  /** Path and query of the API request. */
  path: string;
  cypher: { query: string; params: Record<string, unknown> };
}

const NEIGHBOURS = 25;
const PAGE = { offset: 100, limit: 50 };

export function benchRequests(m: CorpusManifest): BenchRequest[] {
  const [hub, second] = m.hubs;
  const ring = (name: string, actor: string, depth: number): BenchRequest => ({
    name,
    path: `/api/actors/${actor}/neighborhood?depth=${depth}&limit=${NEIGHBOURS}`,
    cypher: { query: `bench/neighbourhood-${depth}`, params: { actor, limit: NEIGHBOURS } },
  });
  return [
    { name: 'search', path: `/api/actors?q=${m.search}&limit=10`, cypher: { query: 'bench/search', params: { words: `${m.search}*`, limit: 10 } } },
    ring('hub-depth-1', hub, 1),
    ring('hub-depth-2', hub, 2),
    ring('median-depth-1', m.median, 1),
    ring('median-depth-2', m.median, 2),
    { name: 'document-graph', path: `/api/graph?documents=${m.document}`, cypher: { query: 'bench/document-graph', params: { document: m.document } } },
    { name: 'overview', path: '/api/graph', cypher: { query: 'bench/overview', params: { maxNodes: 500, maxEdges: 2000 } } },
    { name: 'hub-paths', path: `/api/paths?from=${hub}&to=${second}`, cypher: { query: 'bench/paths', params: { from: hub, to: second, k: 5 } } },
    {
      name: 'claims-page',
      path: `/api/claims?actor=${hub}&offset=${PAGE.offset}&limit=${PAGE.limit}`,
      cypher: { query: 'bench/claims-page', params: { actor: hub, ...PAGE } },
    },
  ];
}
