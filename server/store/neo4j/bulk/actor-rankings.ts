/**
 * The claim counts and rankings the store keeps on actors (`claims`; from RANKED_FROM relations
 * on, `top` and `topClaims`: its HORIZON strongest relations, by claims then key, as
 * actor-tops.cypher ranks them), computed from the claims as they come and then from the merged
 * relations in one pass, without holding every relation. Each of an actor's relations holds at
 * least one of its claims, so only an actor with RANKED_FROM claims or more can reach RANKED_FROM
 * relations: only those keep a list, and a list keeps at most 2 × HORIZON relations (cut back to
 * the HORIZON strongest when it fills).
 */
import { compareKeys } from '../../../graph/aggregate.ts';
import { HORIZON } from '../../../graph/neighborhood.ts';
import type { RelationRow } from '../../../graph/relations.ts';
import { RANKED_FROM } from '../rows.ts';

interface Ranked {
  key: string;
  claims: number;
}

interface Candidate {
  relations: number;
  strongest: Ranked[];
}

const stronger = (a: Ranked, b: Ranked) => b.claims - a.claims || compareKeys(a.key, b.key);

export class ActorRankings {
  private readonly claims = new Map<string, number>();
  private candidates: Map<string, Candidate> | undefined;

  /** One claim between these ends. */
  countClaim(subject: string, object: string): void {
    for (const end of [subject, object]) this.claims.set(end, (this.claims.get(end) ?? 0) + 1);
  }

  /** One merged relation; every claim is counted before the first. */
  addRelation({ key, source, target, attributes: { claims } }: RelationRow): void {
    this.candidates ??= new Map([...this.claims].filter(([, n]) => n >= RANKED_FROM).map(([actor]) => [actor, { relations: 0, strongest: [] }]));
    for (const end of new Set([source, target])) {
      const candidate = this.candidates.get(end);
      if (!candidate) continue;
      candidate.relations += 1;
      candidate.strongest.push({ key, claims });
      if (candidate.strongest.length >= 2 * HORIZON) candidate.strongest = candidate.strongest.sort(stronger).slice(0, HORIZON);
    }
  }

  /** What the actor node holds: nothing for an actor no claim names, `claims`, and a ranking from RANKED_FROM relations on. */
  of(actor: string): { claims?: number; top?: string[]; topClaims?: number[] } {
    const claims = this.claims.get(actor);
    if (claims === undefined) return {};
    const candidate = this.candidates?.get(actor);
    if (!candidate || candidate.relations < RANKED_FROM) return { claims };
    const top = candidate.strongest.sort(stronger).slice(0, HORIZON);
    return { claims, top: top.map((r) => r.key), topClaims: top.map((r) => r.claims) };
  }
}
