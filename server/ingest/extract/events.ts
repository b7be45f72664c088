/**
 * Events named by a description ("the suicide bombing at a rally in Khar"): the gazetteer event
 * it picks out, or a new one named for its noun, place and year.
 */
import type { AliasIndex } from '../alias-index.ts';
import { normalizeName } from '../alias-index.ts';
import type { DocumentContext, Mention } from './context.ts';
import type { Lexicon } from './lexicon.ts';
import { stem, type Token } from './text.ts';

/**
 * A noun, not a verb: "the suicide bombing", "a U.S. drone strike", not "militants attacked".
 * The index of its article, or -1.
 */
function determinerBefore(tokens: Token[], taken: Array<Mention | undefined>, i: number, words: Lexicon['words']): number {
  if (tokens[i]!.norm.endsWith('ed') || tokens[i]!.pos === 'VERB') return -1;
  for (let k = i - 1; k >= Math.max(0, i - 6); k--) {
    const t = tokens[k]!;
    if (taken[k]) continue;
    if (!t.word || words.nounPhraseBreaks.has(t.norm)) return -1;
    if (words.eventDeterminers.has(t.norm)) return k;
  }
  return -1;
}

interface EventWords {
  id: string;
  /** Stems of the words of its name and aliases. */
  words: Set<string>;
  years: Set<string>;
}

const eventWords = new WeakMap<AliasIndex, EventWords[]>();

/** The gazetteer's events with the words that name them, built once per index. */
function gazetteerEvents(index: AliasIndex): EventWords[] {
  let events = eventWords.get(index);
  if (!events) {
    events = index.actors
      .filter((a) => a.kind === 'event')
      .map((a) => {
        const words = [a.name, ...a.aliases].flatMap((n) => normalizeName(n).split(' ').filter(Boolean));
        return { id: a.id, words: new Set(words.map(stem)), years: new Set(words.filter((w) => YEAR.test(w))) };
      });
    eventWords.set(index, events);
  }
  return events;
}

const YEAR = /^(?:19|20)\d\d$/;

/**
 * "The suicide bombing at a political rally in Khar, Pakistan in July 2023": an event noun
 * names the gazetteer event whose name has that noun (or a near-synonym) and every word of
 * an actor the sentence names (and its year, when the sentence gives one), if exactly one
 * event fits. Actors named between the article and the noun ("a U.S. drone strike") are
 * inside the description, as in an event's name.
 */
export function findDescriptions(tokens: Token[], taken: Array<Mention | undefined>, found: Mention[], ctx: DocumentContext, add: (m: Mention) => void): void {
  const anchors = found.filter((m) => m.kind !== 'event');
  if (anchors.length === 0) return;
  // The years the sentence gives, read once the sentence turns out to describe an event.
  let given: string[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const nouns = t.word && !taken[i] ? ctx.lexicon.eventNouns.get(t.stem) : undefined;
    const article = nouns ? determinerBefore(tokens, taken, i, ctx.lexicon.words) : -1;
    if (article === -1) {
      if (nouns) findVerbal(tokens, i, anchors, ctx, add);
      continue;
    }
    const years = (given ??= tokens.filter((w) => YEAR.test(w.text)).map((w) => w.text));
    const fits = fitting(ctx, nouns!, tokens, anchors, years);
    const id = fits.length === 1 ? fits[0]!.id : fits.length === 0 ? newEvent(tokens, i, anchors, years, ctx) : undefined;
    if (!id) continue;
    const inner = anchors.filter((a) => a.first > article && a.last < i);
    add({ id, kind: 'event', first: i, last: i, source: 'description', ...(inner.length > 0 ? { inner } : {}) });
  }
}

/** The gazetteer events with a noun of `nouns` and every word of one of `anchors` (and a year given, if any). */
function fitting(ctx: DocumentContext, nouns: Set<string>, tokens: Token[], anchors: Mention[], years: string[]): EventWords[] {
  return gazetteerEvents(ctx.index).filter(
    (e) =>
      [...nouns].some((n) => e.words.has(n)) &&
      anchors.some((a) => tokens.slice(a.first, a.last + 1).every((w) => !w.word || e.words.has(stem(w.norm)))) &&
      (years.length === 0 || e.years.size === 0 || years.some((y) => e.years.has(y))),
  );
}

/** How many tokens after its verb the object that names an event may start ("arrested the TTP commander X"). */
const VERB_OBJECT_REACH = 8;

/**
 * "Pakistani authorities arrested X", "a militia attacked a base in Mastung": a verb whose own
 * noun (an event noun of the lexicon) is in a gazetteer event's name ("Arrest of X", "Mastung
 * attack") tells that event when its object phrase names the event's actor or place. Only known
 * events: a verb alone is no new event.
 */
function findVerbal(tokens: Token[], i: number, anchors: Mention[], ctx: DocumentContext, add: (m: Mention) => void): void {
  const t = tokens[i]!;
  if (t.pos !== 'VERB' || t.cap) return;
  const objects: Mention[] = [];
  for (const a of anchors) {
    if (a.first <= i || a.first > i + VERB_OBJECT_REACH) continue;
    if (tokens.slice(i + 1, a.first).some((w) => NP_BREAKS.has(w.text) || ctx.lexicon.clauseBreaks.has(w.norm))) continue;
    objects.push(a);
  }
  if (objects.length === 0) return;
  const years = tokens.filter((w) => YEAR.test(w.text)).map((w) => w.text);
  // The event's own noun, not a near-synonym: "attacked a post in Bajaur" is not the Bajaur bombing.
  const fits = fitting(ctx, new Set([t.stem]), tokens, objects, years);
  if (fits.length === 1) add({ id: fits[0]!.id, kind: 'event', first: i, last: i, source: 'description', verbal: true });
}

const NP_BREAKS = new Set([',', ';', ':', '—', '(', ')']);

/**
 * "the attack on a police station in Bannu" that the gazetteer does not know: a new event
 * named for its noun, the place and the year the sentence gives ("attack in Bannu (2025)").
 */
function newEvent(tokens: Token[], noun: number, anchors: Mention[], years: string[], ctx: DocumentContext): string | undefined {
  const place = anchors.find((a) => a.kind === 'place' && a.first > noun && a.first - noun <= 8 && ctx.lexicon.words.locatives.has(tokens[a.first - 1]!.norm));
  if (!place || tokens.slice(noun + 1, place.first).some((t) => NP_BREAKS.has(t.text) || ctx.lexicon.clauseBreaks.has(t.norm))) return undefined;
  const where = tokens.slice(place.first, place.last + 1).map((t) => t.text).join(' ');
  const year = new Set(years).size === 1 ? ` (${years[0]})` : '';
  return ctx.discover(`${tokens[noun]!.norm} in ${where}${year}`, 'event');
}
