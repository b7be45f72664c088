/**
 * The reads two stores (or one store filled two ways) must answer identically on the seeds:
 * documents, actors, searches, claims and claim pages, then graphs, overviews, neighbourhoods
 * and paths under each filter set. Used by the contract suite and the bulk import's test.
 */
import type { GraphFilters } from '../../server/domain/index.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';

export type StoreRead = [string, (store: GraphStore) => Promise<unknown>];

export const GRAPH_FILTERS: GraphFilters[] = [
  {},
  { types: ['SUPPORTS', 'ALLIED_WITH', 'RIVAL_OF'] },
  { kinds: ['group', 'state'] },
  { minDocuments: 2 },
  { minClaims: 2, types: ['SUPPORTS', 'ACCUSES', 'CLASHES_WITH'] },
  { certainty: ['asserted', 'reported'] },
  { from: '2021', to: '2024', minClaims: 1 },
  { reliability: 'C', kinds: ['group'] },
  { origin: ['curated'], minDocuments: 2 },
];

const WHOLE = { maxNodes: 100_000, maxEdges: 100_000 };

export const STORE_READS: StoreRead[] = [
  ['counts', async (s) => (await s.health()).counts],
  ['documents', (s) => s.listDocuments()],
  ['a document', async (s) => s.getDocument((await s.listDocuments())[2]!.id)],
  ['all claims', (s) => s.allClaims({})],
  ['filtered claims', (s) => s.allClaims({ kinds: ['group', 'state'], from: '2020', reliability: 'D' })],
  ['a page', (s) => s.findClaims({ types: ['SUPPORTS', 'ALLIED_WITH'], limit: 9, offset: 4 })],
  ['an edge', (s) => s.findClaims({ subject: 'pakistan', object: 'afghan-taliban', undirected: true, limit: 50, offset: 0 })],
  ['document claims', async (s) => {
    const ids = (await s.listDocuments()).map((d) => d.id);
    return s.documentClaims([ids[3]!, ids[1]!], { certainty: ['asserted', 'reported'] });
  }],
  ['an actor', (s) => s.getActor('pakistan')],
  ['search', (s) => s.searchActors('taliban', { limit: 10 })],
  ['search by kind', (s) => s.searchActors('is', { kinds: ['group'], limit: 15 })],
];

/** Graphs at three bounds, neighbourhoods and paths, under every GRAPH_FILTERS set. */
export function graphReads(): StoreRead[] {
  const reads: StoreRead[] = [];
  for (const filters of GRAPH_FILTERS) {
    const label = JSON.stringify(filters);
    for (const bounds of [WHOLE, { maxNodes: 10, maxEdges: 12 }, { maxNodes: 40, maxEdges: 5 }])
      reads.push([`graph ${label} ${JSON.stringify(bounds)}`, (s) => s.graph(filters, bounds)]);
    for (const [center, depth, limit, maxEdges] of [['pakistan', 1, 4, 3], ['ttp', 2, 3, undefined], ['ttp', 2, 4, 6], ['afghan-taliban', 3, 2, 4], ['is-k', 2, 500, undefined]] as const)
      reads.push([`neighbourhood ${center} ${depth} ${limit} ${maxEdges} ${label}`, (s) => s.neighborhood(center, { depth, limit, maxEdges, filters })]);
    for (const [from, to, maxLength, k] of [['ttp', 'russia', 6, 3], ['is-k', 'pakistan', 4, 1], ['al-qaeda', 'iran', 5, 10]] as const)
      reads.push([`paths ${from} ${to} ${label}`, (s) => s.paths(from, to, { maxLength, k, filters })]);
  }
  return reads;
}
