/**
 * The Lucene query for the actor-name full-text index, built so that no search text can
 * break it: words folded by normalizeName (letters, digits, spaces: nothing Lucene reads as
 * syntax), each a prefix term, at most MAX_WORDS distinct words of at most MAX_WORD_LENGTH
 * characters. Lucene refuses over 1,024 clauses (TooManyClauses) and a prefix automaton
 * over 1,000 characters; cutting is safe because the index only proposes candidates:
 * rankActors keeps those whose compacted name contains the whole query, and the
 * CONTAINS branch of search-actors.cypher finds every one of them anyway.
 */
import { normalizeName } from '../../ingest/alias-index.ts';

export const MAX_WORDS = 16;
export const MAX_WORD_LENGTH = 64;

/** "Tehreek-e-Taliban Pakistan" → "tehreek* e* taliban* pakistan*"; '' when nothing is left. */
export function fulltextQuery(q: string): string {
  const words = new Set(
    normalizeName(q)
      .split(' ')
      .filter((w) => w.length > 0)
      .map((w) => w.slice(0, MAX_WORD_LENGTH)),
  );
  return [...words]
    .slice(0, MAX_WORDS)
    .map((w) => `${w}*`)
    .join(' ');
}
