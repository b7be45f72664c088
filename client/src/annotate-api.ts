/**
 * The annotation routes (ANNOTATE-API): claims created, corrected, reviewed and retracted,
 * new actors, and every claim's history. Writes carry the analyst's bearer token; answers
 * are parsed with the domain schemas like every other read (api.ts).
 */
import { z } from 'zod';
import {
  Actor,
  ClaimHistory,
  ClaimResponse,
  Session,
  type ClaimDraft,
  type ClaimPatch,
  type NewActor,
} from '../../server/domain/index.ts';
import { parseResponse } from './api.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

async function call<T extends z.ZodType>(token: string | undefined, method: Method, path: string, schema: T, body?: unknown): Promise<z.infer<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`api/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return parseResponse(response, schema);
}

const claimPath = (id: string) => `claims/${encodeURIComponent(id)}`;
const ActorResponse = z.object({ actor: Actor });

/** The routes open to anyone. */
export const annotationReads = {
  claim: async (id: string) => (await call(undefined, 'GET', claimPath(id), ClaimResponse)).claim,
  history: async (id: string) => (await call(undefined, 'GET', `${claimPath(id)}/history`, ClaimHistory)).items,
};

/** The routes behind a token: who it names, and every write. */
export function annotationWrites(token: string) {
  return {
    session: () => call(token, 'GET', 'session', Session),
    create: async (draft: ClaimDraft) => (await call(token, 'POST', 'claims', ClaimResponse, draft)).claim,
    update: async (id: string, patch: ClaimPatch) => (await call(token, 'PATCH', claimPath(id), ClaimResponse, patch)).claim,
    retract: async (id: string, revision: number) => (await call(token, 'DELETE', `${claimPath(id)}?revision=${revision}`, ClaimResponse)).claim,
    review: async (id: string, decision: 'accept' | 'reject', revision: number) =>
      (await call(token, 'POST', `${claimPath(id)}/review`, ClaimResponse, { decision, revision })).claim,
    createActor: async (actor: NewActor) => (await call(token, 'POST', 'actors', ActorResponse, actor)).actor,
  };
}
export type AnnotationWrites = ReturnType<typeof annotationWrites>;
