/**
 * The questions the benchmark asks, each as an API request and as plain Cypher
 * (cypher/bench/<name>.cypher) that answers the same question over the same database: the same
 * rule, the same rows and fields the response shows, in one query.
 */
import { SYMMETRIC_TYPES } from '../../server/domain/index.ts';
import { HORIZON, NEIGHBOURHOOD_EDGES } from '../../server/graph/neighborhood.ts';
import { MAX_PATHS } from '../../server/graph/paths.ts';
import { compactName, normalizeName } from '../../server/ingest/alias-index.ts';
import { fulltextQuery } from '../../server/store/neo4j/fulltext-query.ts';
import type { CorpusManifest } from './corpus.ts';

export interface BenchRequest {
  name: string;
  /** Path and query of the API request. */
  path: string;
  cypher: { query: string; params: Record<string, unknown> };
}

const NEIGHBOURS = 25;
const PAGE = { offset: 100, limit: 50 };
/** The API's defaults for /api/graph and /api/paths. */
const BOUNDS = { maxNodes: 500, maxEdges: 2000 };
const PATHS = { maxLength: 4, k: 5 };
const SEARCH_LIMIT = 10;

export function benchRequests(m: CorpusManifest): BenchRequest[] {
  const [hub, second] = m.hubs;
  const ring = (name: string, actor: string, depth: number): BenchRequest => ({
    name,
    path: `/api/actors/${actor}/neighborhood?depth=${depth}&limit=${NEIGHBOURS}`,
    cypher: { query: `bench/neighbourhood-${depth}`, params: { actor, limit: NEIGHBOURS, horizon: HORIZON, maxEdges: NEIGHBOURHOOD_EDGES } },
  });
  return [
    {
      name: 'search',
      path: `/api/actors?q=${m.search}&limit=${SEARCH_LIMIT}`,
      cypher: {
        query: 'bench/search',
        params: { words: fulltextQuery(m.search), compact: compactName(m.search), normal: normalizeName(m.search), limit: SEARCH_LIMIT },
      },
    },
    ring('hub-depth-1', hub, 1),
    ring('hub-depth-2', hub, 2),
    ring('median-depth-1', m.median, 1),
    ring('median-depth-2', m.median, 2),
    { name: 'document-graph', path: `/api/graph?documents=${m.document}`, cypher: { query: 'bench/document-graph', params: { document: m.document, symmetric: [...SYMMETRIC_TYPES] } } },
    { name: 'overview', path: '/api/graph', cypher: { query: 'bench/overview', params: BOUNDS } },
    {
      name: 'hub-paths',
      path: `/api/paths?from=${hub}&to=${second}`,
      cypher: { query: 'bench/paths', params: { from: hub, to: second, ...PATHS, maxPaths: MAX_PATHS } },
    },
    {
      name: 'claims-page',
      path: `/api/claims?actor=${hub}&offset=${PAGE.offset}&limit=${PAGE.limit}`,
      cypher: { query: 'bench/claims-page', params: { actor: hub, ...PAGE } },
    },
  ];
}
