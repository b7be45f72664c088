/**
 * Who a sentence names, in reading order: gazetteer names and document acronyms (names.ts),
 * new names (new-names.ts), demonyms, event descriptions (events.ts), and words that point back
 * (coreference.ts), resolved against what the document has said so far (context.ts).
 */
import { DocumentContext, type Mention } from './context.ts';
import { apposedTo, findCoreference, findImpliedGroups, isPartPossessor, latest, pronounReferent, referent, subjectOf } from './coreference.ts';
import { findDescriptions } from './events.ts';
import { afterNamePrefix, branchReading, findDemonyms, findElliptical, gazetteerTrie, matchName, namesWithin, placeReading } from './names.ts';
import { findNewNames } from './new-names.ts';
import type { Sentence } from './text.ts';

/** "Imran Qadir … Qadir said": a person's last name alone names them from now on in this text. */
function rememberSurname(tokens: Sentence['tokens'], m: Mention, ctx: DocumentContext): void {
  const last = tokens[m.last]!;
  if (m.last === m.first || !last.word || !last.cap || last.text.length < 3 || ctx.lexicon.notNames.has(last.text)) return;
  if (ctx.index.resolve(last.text).ok) return;
  ctx.acronyms.set(last.text, m.id);
}

export { DocumentContext, type Mention, type MentionSource } from './context.ts';

/** Finds the mentions of one sentence, left to right, and updates the context. */
export function findMentions(sentence: Sentence, ctx: DocumentContext): Mention[] {
  const tokens = sentence.tokens;
  const taken: Array<Mention | undefined> = new Array(tokens.length);
  const found: Mention[] = [];
  const add = (m: Mention) => {
    found.push(m);
    for (let i = m.first; i <= m.last; i++) taken[i] = m;
  };

  const root = gazetteerTrie(ctx.index);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word || taken[i] || afterNamePrefix(tokens, i, ctx.lexicon)) continue;
    const match = matchName(tokens, i, root, ctx);
    const named = match && branchReading(tokens, match, ctx);
    if (named) {
      if (named.kind === 'event' && named.last > named.first) named.inner = namesWithin(tokens, named, root, ctx);
      add(named);
      i = named.last;
    }
  }
  findElliptical(tokens, taken, [...found], ctx, add);
  findNewNames(tokens, taken, ctx, add);
  findDemonyms(tokens, taken, ctx, add);
  findDescriptions(tokens, taken, found, ctx, add);
  findCoreference(tokens, taken, ctx, add);
  findImpliedGroups(tokens, taken, found, ctx, add);

  found.sort((a, b) => a.first - b.first);
  // Pronouns and "the group" point at the last actor named before them, in this sentence too.
  const resolved: Mention[] = [];
  for (const m of found) {
    if (m.id === '') {
      const target =
        m.source === 'pronoun' ? pronounReferent(ctx, tokens, m, resolved) : m.source === 'implied' ? latest(ctx, m.kind) : referent(ctx, tokens[m.last]!, m.kind, resolved);
      if (!target) continue;
      const r = { ...m, id: target.id, kind: target.kind };
      resolved.push(r);
      continue;
    }
    // "Afghanistan must stop being a haven": a country that is told to act is its government.
    const government = m.kind === 'place' && m.source === 'name' && ctx.lexicon.words.obligations.has(tokens[m.last + 1]?.norm ?? '') ? ctx.governmentOf(m.id) : undefined;
    if (government) {
      const state: Mention = { ...m, id: government, kind: 'state', asPlace: m };
      ctx.seen(state);
      resolved.push(state);
      continue;
    }
    if (m.kind === 'place' && (m.source === 'name' || m.source === 'demonym')) {
      const state = ctx.governmentOf(m.id);
      if (state) m.asState = { ...m, id: state, kind: 'state' };
    }
    ctx.seen(m);
    if (m.kind === 'person' && (m.source === 'name' || m.source === 'new')) rememberSurname(tokens, m, ctx);
    // "AQIS, al-Qaeda's South Asian branch": the phrase is AQIS again, so AQIS stays the latest actor.
    const head = isPartPossessor(tokens, m, ctx.lexicon) ? apposedTo(tokens, m, resolved, ctx.lexicon) : undefined;
    if (head) ctx.seen(head);
    if (m.kind === 'state' && m.first === m.last && m.source === 'name') {
      const place = placeReading(tokens, m, ctx);
      if (place) m.asPlace = place;
    }
    resolved.push(m);
  }
  ctx.subject = subjectOf(tokens, resolved, ctx.lexicon) ?? ctx.subject;
  return resolved;
}
