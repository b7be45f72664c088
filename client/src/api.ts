/**
 * The REST API, parsed with the domain schemas: a response that does not match the
 * shared vocabulary fails loudly here instead of drawing nonsense.
 */
import { z } from 'zod';
import {
  ActorDetail,
  ActorHit,
  ClaimPage,
  CompareResult,
  DocumentDetail,
  DocumentSummary,
  Problem,
  SerializedGraph,
  StoreHealth,
  type ActorKind,
  type ClaimQuery,
  type GraphFilters,
} from '../../server/domain/index.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

type Params = Record<string, string | number | boolean | readonly string[] | undefined>;

/** Query string of any flat parameter object; lists are comma-joined, empty values left out. */
export function toQuery(params: Params): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) query.set(key, value.join(','));
    } else query.set(key, String(value));
  }
  return query;
}

/** A response's body read with `schema`, or its problem+json as an ApiError. */
export async function parseResponse<T extends z.ZodType>(response: Response, schema: T): Promise<z.infer<T>> {
  const body: unknown = await response.json().catch(() => undefined);
  // For tests/bench/explorer.ts: the moment a graph's data is in hand, before it is checked.
  if (response.ok && (schema as z.ZodType) === SerializedGraph) performance.mark('dyad:data');
  if (!response.ok) {
    const problem = Problem.safeParse(body);
    if (problem.success) throw new ApiError(response.status, problem.data.title, problem.data.detail);
    throw new ApiError(response.status, response.statusText || `HTTP ${response.status}`);
  }
  return schema.parse(body);
}

async function get<T extends z.ZodType>(path: string, schema: T, params: Params = {}, signal?: AbortSignal): Promise<z.infer<T>> {
  const query = toQuery(params).toString();
  const response = await fetch(`api/${path}${query ? `?${query}` : ''}`, {
    headers: { accept: 'application/json' },
    signal,
  });
  return parseResponse(response, schema);
}

/** Graph responses of this session by URL (a few dozen): Back, Forward and undo redraw at once. */
const graphs = new Map<string, Promise<SerializedGraph>>();
const GRAPH_CACHE = 32;
function graphOf(path: string, params: Params): Promise<SerializedGraph> {
  const key = `${path}?${toQuery(params).toString()}`;
  let answer = graphs.get(key);
  if (!answer) {
    answer = get(path, SerializedGraph, params);
    answer.catch(() => graphs.delete(key));
    graphs.set(key, answer);
    if (graphs.size > GRAPH_CACHE) graphs.delete(graphs.keys().next().value!);
  }
  return answer;
}

/** The store changed (an analyst's write): graphs read before are stale. */
export const forgetGraphs = (): void => graphs.clear();

export const api = {
  health: () => get('health', StoreHealth),
  documents: () => get('documents', z.array(DocumentSummary)),
  document: (id: string) => get(`documents/${encodeURIComponent(id)}`, DocumentDetail),
  searchActors: (q: string, signal?: AbortSignal, kinds?: ActorKind[]) =>
    get('actors', z.array(ActorHit), { q, kind: kinds, limit: 8 }, signal),
  actor: (id: string) => get(`actors/${encodeURIComponent(id)}`, ActorDetail),
  graph: (filters: GraphFilters) => graphOf('graph', filters),
  neighborhood: (id: string, depth: number, filters: GraphFilters) =>
    graphOf(`actors/${encodeURIComponent(id)}/neighborhood`, { ...filters, depth, limit: 200 }),
  /** `from`/`to` name the two actors here, so the time window does not apply to paths. */
  paths: (from: string, to: string, maxLength: number, filters: GraphFilters) =>
    graphOf('paths', { ...filters, from, to, maxLength }),
  claims: (query: Partial<ClaimQuery>) => get('claims', ClaimPage, query),
  /** Two sources side by side; the claim-level filters (but `documents`) still apply. */
  compare: async (a: string, b: string, filters: GraphFilters) =>
    (await get('compare', CompareResult, { ...filters, documents: undefined, a, b })).graph,
};

