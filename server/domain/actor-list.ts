/** Every actor, a page at a time (GET /api/actors without q), by degree or by name. */
import { z } from 'zod';
import { ActorKind, ActorRef } from './ontology.ts';

/** degree: most connected first (then name); name: A to Z by code point (then id), the same in both stores. */
export const ActorSort = z.enum(['degree', 'name']);
export type ActorSort = z.infer<typeof ActorSort>;

export interface ActorListOptions {
  kinds?: ActorKind[] | undefined;
  sort: ActorSort;
  limit: number;
  offset: number;
}

export const ActorListItem = ActorRef.extend({
  /** How many other actors a claim links it to, in either direction. */
  degree: z.number().int().nonnegative(),
});
export type ActorListItem = z.infer<typeof ActorListItem>;

export const ActorPage = z.object({ total: z.number().int().nonnegative(), items: z.array(ActorListItem) });
export type ActorPage = z.infer<typeof ActorPage>;
