/**
 * Coreference: pronouns, definite descriptions ("the group", "the attack") and roles that imply
 * a group, found in a sentence and resolved to the actor they point back to.
 */
import type { ActorKind } from '../../domain/index.ts';
import type { DocumentContext, Mention } from './context.ts';
import type { Lexicon } from './lexicon.ts';
import { matchCue, skipWords, type Token } from './text.ts';

const AGENTS: ReadonlySet<ActorKind> = new Set(['group', 'state', 'organization']);

/**
 * A pronoun is the last agent named; but one in apposition to a name ("… against ISKP, their
 * main rival") is not that name: it is the sentence's first other agent, its subject.
 */
export function pronounReferent(ctx: DocumentContext, tokens: Token[], pronoun: Mention, before: Mention[]): { id: string; kind: ActorKind } | undefined {
  const apposed = tokens[pronoun.first - 1]?.text === ',' ? before.find((m) => m.last === pronoun.first - 2) : undefined;
  // "… the Taliban use the TTP … . Third, they see …": a pronoun opening a sentence continues its subject.
  if (!apposed && ctx.subject && opensSentence(tokens, pronoun.first, before)) return ctx.subject;
  if (!apposed) return ctx.lastAgent();
  const subject = before.find((m) => AGENTS.has(m.kind) && m.id !== apposed.id);
  return subject ? { id: subject.id, kind: subject.kind } : ctx.lastAgent(apposed.id);
}

/** How many tokens an opening phrase ("Third,", "In recent months,") may take before the sentence's subject. */
const MAX_OPENING = 6;

/** Is token `at` the first of its sentence, or after a short opening phrase and its comma that name no one? */
function opensSentence(tokens: Token[], at: number, before: Mention[]): boolean {
  let k = at - 1;
  while (k >= 0 && QUOTES.has(tokens[k]!.text)) k--;
  if (k < 0) return true;
  return tokens[k]!.text === ',' && k <= MAX_OPENING && !before.some((m) => m.first < k);
}

/**
 * The grammatical subject of a sentence: its first group, state or organisation that no
 * preposition governs, before the first verb ("Islamabad has repeatedly confronted …").
 */
export function subjectOf(tokens: Token[], mentions: Mention[], lexicon: Lexicon): { id: string; kind: ActorKind } | undefined {
  const verb = tokens.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  for (const m of mentions) {
    if (verb !== -1 && m.first > verb) return undefined;
    if (!AGENTS.has(m.kind)) continue;
    const k = skipWords(tokens, m.first - 1, -1, lexicon.words.determiners);
    if (tokens[k]?.word && lexicon.prepositions.has(tokens[k]!.norm)) continue;
    return { id: m.id, kind: m.kind };
  }
  return undefined;
}

export function latest(ctx: DocumentContext, kind: ActorKind): { id: string; kind: ActorKind } | undefined {
  const id = ctx.recent(kind)[0];
  return id ? { id, kind } : undefined;
}

/**
 * What "the militia" or "the group" points back to: the latest actor of its kind whose name
 * has the phrase's noun ("Pakistani anti-government militia"), else the latest not already
 * named in this sentence ("ISIS-K … declaring war on the militia" is not ISIS-K). "The border"
 * points back only to a place whose name has "border".
 */
export function referent(ctx: DocumentContext, head: Token, kind: ActorKind, inSentence: Mention[]): { id: string; kind: ActorKind } | undefined {
  const recent = ctx.recent(kind);
  const named = recent.find((r) => ctx.nameWords(r).has(head.norm));
  // A place is pointed back to only by a word of its name.
  const id = kind === 'place' ? named : (named ?? recent.find((r) => !inSentence.some((m) => m.id === r)) ?? recent[0]);
  return id ? { id, kind } : undefined;
}

/** "the group", "the attack", "it": unresolved references (id '') resolved in reading order by findMentions. */
export function findCoreference(tokens: Token[], taken: Array<Mention | undefined>, ctx: DocumentContext, add: (m: Mention) => void): void {
  const lex = ctx.lexicon;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (taken[i] || !t.word) continue;
    for (const { kind, cue } of lex.coreference.get(t.stem) ?? []) {
      const last = matchDescription(tokens, i, cue);
      // "the group Jaish al-Adl", "Pakistani security forces" name the actor itself: leave it to the name.
      if (last === -1 || taken[last] || taken[last + 1] || taken[i - 1]) continue;
      // "the border region of Xinjiang" is a region, not the border.
      if (kind === 'place' && (tokens[last + 1]?.pos === 'NOUN' || tokens[last + 1]?.norm === 'of')) continue;
      add({ id: '', kind, first: i, last, source: 'coreference' });
      i = last;
      break;
    }
    if (taken[i]) continue;
    if (lex.pronouns.has(t.norm) && !isExpletive(tokens, i)) add({ id: '', kind: 'group', first: i, last: i, source: 'pronoun' });
  }
}

/** Adjectives and adverbs a description may hold after its article: "the larger group". */
const MODIFIERS = new Set(['ADJ', 'ADV']);
const MAX_MODIFIERS = 3;

/** A description cue ("the group") at `at`, also with modifiers after its first word; the index of its last token, or -1. */
function matchDescription(tokens: Token[], at: number, cue: string[]): number {
  const exact = matchCue(tokens, at, cue);
  if (exact !== -1 || cue.length !== 2) return exact;
  let k = at + 1;
  while (k <= at + MAX_MODIFIERS && tokens[k]?.word && MODIFIERS.has(tokens[k]!.pos ?? '')) k++;
  return k === at + 1 ? -1 : matchCue(tokens, k, cue.slice(1));
}

const QUOTES = new Set(['"', '”', '’', "'"]);

/**
 * "“Abu Harith,” a recruitment head in Khyber Pakhtunkhwa": a role in apposition to a person
 * that names no group is a role in the group the text is about, the last one named. The
 * reference stands on the article ("a … head" = "a head of that group").
 */
export function findImpliedGroups(tokens: Token[], taken: Array<Mention | undefined>, found: Mention[], ctx: DocumentContext, add: (m: Mention) => void): void {
  for (const p of found.filter((m) => m.kind === 'person')) {
    let k = p.last + 1;
    while (tokens[k] && QUOTES.has(tokens[k]!.text)) k++;
    if (tokens[k]?.text !== ',') continue;
    while (tokens[k + 1] && QUOTES.has(tokens[k + 1]!.text)) k++;
    const article = k + 1;
    if (!['a', 'an'].includes(tokens[article]?.norm ?? '')) continue;
    for (let j = article + 1; j <= article + 4 && j < tokens.length; j++) {
      const t = tokens[j]!;
      if (!t.word || taken[j]) break;
      if (ctx.lexicon.impliedRoles.has(t.norm)) {
        add({ id: '', kind: 'group', first: article, last: article, source: 'implied' });
        break;
      }
    }
  }
}

/** "It is crucial…", "it was…": no one. */
function isExpletive(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return tokens[i]!.norm === 'it' && !!next && (next.norm === 'is' || next.norm === 'was');
}

/** "al-Qaeda's regional branch": a name that owns a part of an organisation, not the part itself. */
export function isPartPossessor(tokens: Token[], m: Mention, lexicon: Lexicon): boolean {
  const s = tokens[m.last + 1];
  if (!s || s.word || s.norm !== 's') return false;
  for (let k = m.last + 2; k <= m.last + 4 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!t.word) return false;
    if (lexicon.words.partNouns.has(t.norm) || lexicon.words.partNouns.has(t.stem)) return true;
  }
  return false;
}

/** The name a phrase stands in apposition to: "AQIS, al-Qaeda's South Asian branch" is AQIS. */
export function apposedTo(tokens: Token[], m: Mention, before: Mention[], lexicon: Lexicon): Mention | undefined {
  const k = skipWords(tokens, m.first - 1, -1, lexicon.words.determiners);
  if (tokens[k]?.text !== ',') return undefined;
  return before.find((b) => b.last === k - 1 && b.source !== 'pronoun');
}
