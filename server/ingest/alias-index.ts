/**
 * Resolves names to actor ids and ranks actors for search. Matching ignores case, accents,
 * apostrophes and punctuation ("iskp" finds IS-K, "tehrik e taliban" finds the TTP).
 */
import type { Actor, ActorKind, ActorMatch } from '../domain/index.ts';

/** Lower case, no accents, no apostrophes, other punctuation as spaces. */
export function normalizeName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The normalised name as an id-like slug ("Lashkar-e-Taiba" → "lashkar-e-taiba"), cut to `maxLength` without a dangling hyphen. */
export const slugName = (s: string, maxLength = Infinity): string =>
  normalizeName(s).replace(/ /g, '-').slice(0, maxLength).replace(/-+$/, '');

/** The normalised name without spaces: "IS-K", "ISK" and "is k" all become "isk". */
export const compactName = (s: string): string => normalizeName(s).replace(/ /g, '');

export type Resolution = { ok: true; id: string } | { ok: false; reason: 'unknown' | 'ambiguous'; candidates: string[] };

export class AliasIndex {
  private readonly byId = new Map<string, Actor>();
  private readonly byName = new Map<string, Set<string>>();

  constructor(actors: Iterable<Actor>) {
    for (const actor of actors) this.add(actor);
  }

  add(actor: Actor): void {
    this.byId.set(actor.id, actor);
    for (const name of [actor.name, ...actor.aliases]) {
      const key = compactName(name);
      if (!key) continue;
      const ids = this.byName.get(key) ?? new Set<string>();
      ids.add(actor.id);
      this.byName.set(key, ids);
    }
  }

  get(id: string): Actor | undefined {
    return this.byId.get(id);
  }

  get actors(): Actor[] {
    return [...this.byId.values()];
  }

  /** How many actors it holds. */
  get size(): number {
    return this.byId.size;
  }

  /** Names (compacted) that more than one actor answers to. */
  collisions(): Array<{ name: string; ids: string[] }> {
    return [...this.byName].filter(([, ids]) => ids.size > 1).map(([name, ids]) => ({ name, ids: [...ids] }));
  }

  /** An id, or a name or alias of exactly one actor. */
  resolve(nameOrId: string): Resolution {
    if (this.byId.has(nameOrId)) return { ok: true, id: nameOrId };
    const ids = this.byName.get(compactName(nameOrId));
    if (!ids) return { ok: false, reason: 'unknown', candidates: [] };
    if (ids.size > 1) return { ok: false, reason: 'ambiguous', candidates: [...ids] };
    return { ok: true, id: [...ids][0]! };
  }

  search(q: string, options: { kinds?: ActorKind[]; limit: number }): ActorMatch[] {
    return rankActors(q, this.byId.values(), options);
  }
}

/**
 * Scores each actor by its best-matching name: exact 100, prefix 80, word prefix 60,
 * substring 40; a shorter name (in characters) ranks higher at equal score, then names and ids
 * in code point order. The embedded store ranks with this; the Neo4j store states the same rule
 * in cypher/search-actors.cypher, so only the hits shown leave the database.
 */
export function rankActors(q: string, actors: Iterable<Pick<Actor, 'id' | 'name' | 'kind' | 'aliases'>>, options: { kinds?: ActorKind[]; limit: number }): ActorMatch[] {
  const query = normalizeName(q);
  const compactQuery = query.replace(/ /g, '');
  if (!compactQuery) return [];
  const hits: ActorMatch[] = [];
  for (const actor of actors) {
    if (options.kinds && !options.kinds.includes(actor.kind)) continue;
    let best: { score: number; matched: string } | undefined;
    let bestLength = 0;
    for (const name of [actor.name, ...actor.aliases]) {
      const score = matchScore(query, compactQuery, name);
      const length = characters(name);
      if (score > 0 && (!best || score > best.score || (score === best.score && length < bestLength))) {
        best = { score, matched: name };
        bestLength = length;
      }
    }
    if (best) hits.push({ id: actor.id, name: actor.name, kind: actor.kind, aliases: actor.aliases, matched: best.matched, score: best.score });
  }
  return hits
    .sort((a, b) => b.score - a.score || characters(a.matched) - characters(b.matched) || codePointOrder(a.name, b.name) || codePointOrder(a.id, b.id))
    .slice(0, options.limit);
}

/** A name's length in characters (code points), as Cypher's size() counts it. */
const characters = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** Strings in code point order, as Cypher's ORDER BY sorts them (not the locale's order, which Neo4j cannot follow). */
const codePointOrder = (a: string, b: string): number => {
  for (let i = 0; i < Math.min(a.length, b.length); ) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
};

function matchScore(query: string, compactQuery: string, name: string): number {
  const normal = normalizeName(name);
  const compact = normal.replace(/ /g, '');
  if (compact === compactQuery) return 100;
  if (compact.startsWith(compactQuery)) return 80;
  if (normal.split(' ').some((word) => word.startsWith(query))) return 60;
  if (compact.includes(compactQuery)) return 40;
  return 0;
}
