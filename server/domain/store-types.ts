/** Shapes the GraphStore returns beyond claims and documents. */
import { z } from 'zod';
import { Actor, ActorRef, RelationType } from './ontology.ts';

export const StoreKind = z.enum(['embedded', 'neo4j']);
export type StoreKind = z.infer<typeof StoreKind>;

export const StoreCounts = z.object({
  documents: z.number().int().nonnegative(),
  actors: z.number().int().nonnegative(),
  claims: z.number().int().nonnegative(),
});
export type StoreCounts = z.infer<typeof StoreCounts>;

export const StoreHealth = z.object({
  store: StoreKind,
  reachable: z.boolean(),
  counts: StoreCounts.optional(),
  error: z.string().optional(),
});
export type StoreHealth = z.infer<typeof StoreHealth>;

/** What an upsert did: `unchanged` when the same document, metadata and claims were already in. */
export const UpsertOutcome = z.enum(['created', 'updated', 'unchanged']);
export type UpsertOutcome = z.infer<typeof UpsertOutcome>;

/** An actor a name search matched, ranked by rankActors (server/ingest/alias-index.ts). */
export const ActorMatch = ActorRef.extend({
  /** The name or alias that matched the query. */
  matched: z.string(),
  score: z.number(),
});
export type ActorMatch = z.infer<typeof ActorMatch>;

/** A search result: the match and how many claims touch the actor (0 for a gazetteer-only actor). */
export const ActorHit = ActorMatch.extend({
  claims: z.number().int().nonnegative(),
});
export type ActorHit = z.infer<typeof ActorHit>;

export const ActorDetail = Actor.extend({
  claims: z.number().int().nonnegative(),
  byType: z.partialRecord(RelationType, z.number().int().nonnegative()),
  byDocument: z.record(z.string(), z.number().int().nonnegative()),
});
export type ActorDetail = z.infer<typeof ActorDetail>;
