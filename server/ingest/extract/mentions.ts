/**
 * Who a sentence names: gazetteer names and aliases (longest match), acronyms the text
 * defines, unknown capitalised names whose kind a cue gives away, demonyms, and words that
 * point back ("the group", "it") to an actor named before.
 */
import type { Actor, ActorKind } from '../../domain/index.ts';
import { type AliasIndex, normalizeName } from '../alias-index.ts';
import type { Lexicon } from './lexicon.ts';
import { matchCue, type Sentence, stem, type Token } from './text.ts';

export type MentionSource = 'name' | 'acronym' | 'new' | 'demonym' | 'description' | 'coreference' | 'pronoun' | 'implied';

export interface Mention {
  id: string;
  kind: ActorKind;
  /** Token indices in the sentence, inclusive. */
  first: number;
  last: number;
  source: MentionSource;
  /** The actors named inside an event's name: "Taliban" in "the Taliban takeover". */
  inner?: Mention[];
  /** A state named by its capital ("Kabul"), read as the city where a place is wanted. */
  asPlace?: Mention;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The actor a name ending here names; `exactCase` when it is a short acronym ("IS", "US"). */
  end?: { id: string; exactCase?: string; capitalised: boolean };
}

/** Punctuation that may sit between the words of one name: "IS-K", "U.S.", "States’ Anti-Terrorism". */
const NAME_JOINERS = new Set(['-', '‐', '‑', '–', '.', "'", '’']);

const POSSESSIVE_S = /(\p{L})['’]s\b/gu;

const tries = new WeakMap<AliasIndex, { size: number; root: TrieNode }>();

/** The gazetteer as a token trie over normalised names, built once per index. */
function gazetteerTrie(index: AliasIndex): TrieNode {
  const actors = index.actors;
  const hit = tries.get(index);
  if (hit && hit.size === actors.length) return hit.root;
  const root: TrieNode = { next: new Map() };
  for (const actor of actors) {
    for (const name of [actor.name, ...actor.aliases]) {
      // "Taliban's return to power": the tokenizer splits the possessive off, so the trie does too.
      const words = normalizeName(name.replace(POSSESSIVE_S, '$1 s')).split(' ').filter(Boolean);
      if (words.length === 0) continue;
      let node = root;
      for (const w of words) {
        let child = node.next.get(w);
        if (!child) node.next.set(w, (child = { next: new Map() }));
        node = child;
      }
      if (node.end) continue;
      const letters = name.replace(/[^\p{L}\p{N}]/gu, '');
      const uppers = letters.replace(/[^\p{Lu}]/gu, '').length;
      // Short acronyms match only as written: "IS" is not "is", "US" is not "us".
      const acronym = letters.length <= 5 && uppers >= 2;
      node.end = { id: actor.id, capitalised: /^\p{Lu}/u.test(name), ...(acronym ? { exactCase: letters } : {}) };
    }
  }
  tries.set(index, { size: actors.length, root });
  return root;
}

/** What a document has taught the reader so far: acronyms, new actors, the last actor of each kind. */
const RECENT = 6;
/** How many recent states and groups compete to be the one the text is about. */
const TOPICS = 3;

export class DocumentContext {
  readonly acronyms = new Map<string, string>();
  readonly discovered = new Map<string, Actor>();
  /** The last few distinct actors of each kind, the most recent first. */
  private readonly recentOfKind = new Map<ActorKind, string[]>();
  /** The last two distinct agents (groups, states, organisations), the most recent first. */
  private agents: Array<{ id: string; kind: ActorKind }> = [];
  /** The last few distinct states and groups, the most recent first, and how often each was named. */
  private topics: Array<{ id: string; kind: ActorKind }> = [];
  private readonly named = new Map<string, number>();

  constructor(
    readonly index: AliasIndex,
    readonly lexicon: Lexicon,
  ) {}

  kindOf(id: string): ActorKind | undefined {
    return this.index.get(id)?.kind ?? this.discovered.get(id)?.kind;
  }

  seen(m: Mention): void {
    const recent = this.recentOfKind.get(m.kind) ?? [];
    this.recentOfKind.set(m.kind, [m.id, ...recent.filter((id) => id !== m.id)].slice(0, RECENT));
    if (m.kind === 'group' || m.kind === 'state' || m.kind === 'organization')
      this.agents = [{ id: m.id, kind: m.kind }, ...this.agents.filter((a) => a.id !== m.id)].slice(0, 2);
    if (m.kind === 'group' || m.kind === 'state') {
      this.topics = [{ id: m.id, kind: m.kind }, ...this.topics.filter((a) => a.id !== m.id)].slice(0, TOPICS);
      this.named.set(m.id, (this.named.get(m.id) ?? 0) + 1);
    }
  }

  /**
   * The state or group the text is about just now: of the last few named, the one named most
   * often. "Interior Minister X" with no country named is a minister of that one.
   */
  salient(): { id: string; kind: ActorKind } | undefined {
    let best: { id: string; kind: ActorKind } | undefined;
    for (const t of this.topics) if (!best || this.named.get(t.id)! > this.named.get(best.id)!) best = t;
    return best;
  }

  recent(kind: ActorKind): readonly string[] {
    return this.recentOfKind.get(kind) ?? [];
  }

  private readonly places = new Map<string, string | undefined>();
  /** The place "Kabul city" or "Kurram district" names, for the surface "Kabul"; looked up once per document. */
  placeNamed(surface: string): string | undefined {
    if (this.places.has(surface)) return this.places.get(surface);
    let id: string | undefined;
    for (const noun of this.lexicon.placeAfter) {
      const r = this.index.resolve(`${surface} ${noun}`);
      if (r.ok && this.kindOf(r.id) === 'place') {
        id = r.id;
        break;
      }
    }
    this.places.set(surface, id);
    return id;
  }

  /** The words of an actor's name and aliases. */
  nameWords(id: string): Set<string> {
    const actor = this.index.get(id) ?? this.discovered.get(id);
    return new Set(actor ? [actor.name, ...actor.aliases].flatMap((n) => normalizeName(n).split(' ')) : []);
  }

  /** The last agent named, other than `not`. */
  lastAgent(not?: string): { id: string; kind: ActorKind } | undefined {
    return this.agents.find((a) => a.id !== not);
  }

  /** A new actor's id: the slug of its name, kept apart from any gazetteer id. */
  discover(name: string, kind: ActorKind): string {
    const slug = normalizeName(name).replace(/ /g, '-');
    const id = this.index.get(slug) && this.index.get(slug)!.name !== name ? `${slug}-${kind}` : slug;
    if (!this.discovered.has(id)) this.discovered.set(id, { id, name, kind, aliases: [] });
    return id;
  }
}

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
    const named = matchName(tokens, i, root, ctx);
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
    ctx.seen(m);
    if (m.kind === 'state' && m.first === m.last && m.source === 'name') {
      const place = placeReading(tokens, m, ctx);
      if (place) m.asPlace = place;
    }
    resolved.push(m);
  }
  return resolved;
}

const AGENTS: ReadonlySet<ActorKind> = new Set(['group', 'state', 'organization']);

/**
 * A pronoun is the last agent named; but one in apposition to a name ("… against ISKP, their
 * main rival") is not that name: it is the sentence's first other agent, its subject.
 */
function pronounReferent(ctx: DocumentContext, tokens: Token[], pronoun: Mention, before: Mention[]): { id: string; kind: ActorKind } | undefined {
  const apposed = tokens[pronoun.first - 1]?.text === ',' ? before.find((m) => m.last === pronoun.first - 2) : undefined;
  if (!apposed) return ctx.lastAgent();
  const subject = before.find((m) => AGENTS.has(m.kind) && m.id !== apposed.id);
  return subject ? { id: subject.id, kind: subject.kind } : ctx.lastAgent(apposed.id);
}

function latest(ctx: DocumentContext, kind: ActorKind): { id: string; kind: ActorKind } | undefined {
  const id = ctx.recent(kind)[0];
  return id ? { id, kind } : undefined;
}

/**
 * What "the militia" or "the group" points back to: the latest actor of its kind whose name
 * has the phrase's noun ("Pakistani anti-government militia"), else the latest not already
 * named in this sentence ("ISIS-K … declaring war on the militia" is not ISIS-K).
 */
function referent(ctx: DocumentContext, head: Token, kind: ActorKind, inSentence: Mention[]): { id: string; kind: ActorKind } | undefined {
  const recent = ctx.recent(kind);
  const id =
    recent.find((r) => ctx.nameWords(r).has(head.norm)) ?? recent.find((r) => !inSentence.some((m) => m.id === r)) ?? recent[0];
  return id ? { id, kind } : undefined;
}

/** "anti-Taliban" names no Taliban. */
function afterNamePrefix(tokens: Token[], i: number, lexicon: Lexicon): boolean {
  const hyphen = tokens[i - 1];
  const prefix = tokens[i - 2];
  return !!hyphen && !!prefix && hyphen.text === '-' && hyphen.start === prefix.end && lexicon.namePrefixes.has(prefix.norm);
}

/**
 * The names inside an event's name, each shorter than it. A name there that the gazetteer
 * also knows as a place ("Kabul" in "the Kabul airport bombing", "Kabul city") is the place.
 */
function namesWithin(tokens: Token[], event: Mention, root: TrieNode, ctx: DocumentContext): Mention[] {
  const inner: Mention[] = [];
  for (let j = event.first; j <= event.last; j++) {
    if (!tokens[j]!.word) continue;
    let m = matchName(tokens, j, root, ctx, j === event.first ? event.last - 1 : event.last);
    // "Kabul airport bombing" inside "the 2021 Kabul airport bombing" is the event again: look shorter.
    while (m && m.id === event.id) m = m.last > j ? matchName(tokens, j, root, ctx, m.last - 1) : undefined;
    if (!m || m.last > event.last) continue;
    inner.push(m.kind === 'place' ? m : (placeReading(tokens, m, ctx) ?? m));
    j = m.last;
  }
  return inner;
}

function placeReading(tokens: Token[], m: Mention, ctx: DocumentContext): Mention | undefined {
  const surface = tokens.slice(m.first, m.last + 1).map((t) => t.text).join(' ');
  const id = ctx.placeNamed(surface);
  return id ? { ...m, id, kind: 'place' } : undefined;
}

/** Longest gazetteer name (or document acronym) starting at token i and ending by `limit`. */
function matchName(tokens: Token[], i: number, root: TrieNode, ctx: DocumentContext, limit = tokens.length - 1): Mention | undefined {
  let node: TrieNode | undefined = root;
  let best: { id: string; last: number } | undefined;
  let j = i;
  let surface = '';
  while (node && j <= limit) {
    const t = tokens[j]!;
    node = node.next.get(t.norm);
    if (!node) break;
    surface += t.text;
    const end = node.end;
    // A one-word proper name must be written with its capital; longer names are specific enough.
    if (end && (!end.exactCase || end.exactCase === surface) && (!end.capitalised || j > i || tokens[i]!.cap)) best = { id: end.id, last: j };
    // Step over joiners written tight against the words ("IS-K", "U.S.").
    let k = j + 1;
    while (tokens[k] && !tokens[k]!.word && NAME_JOINERS.has(tokens[k]!.text) && tokens[k + 1]?.word) k++;
    j = k;
  }
  let source: MentionSource = 'name';
  const acronym = acronymAt(tokens, i, ctx);
  if (acronym && (!best || acronym.last > best.last)) {
    best = acronym;
    source = 'acronym';
  }
  if (!best) return undefined;
  const kind = ctx.kindOf(best.id);
  if (!kind) return undefined;
  return { id: best.id, kind, first: i, last: best.last, source };
}

/** An acronym the document defined earlier, written as one word or hyphenated ("JAA", "IS-PP"). */
function acronymAt(tokens: Token[], i: number, ctx: DocumentContext): { id: string; last: number } | undefined {
  if (ctx.acronyms.size === 0) return undefined;
  let surface = tokens[i]!.text;
  let best: { id: string; last: number } | undefined;
  for (let j = i; ; ) {
    const id = ctx.acronyms.get(surface);
    if (id) best = { id, last: j };
    const hyphen = tokens[j + 1];
    const next = tokens[j + 2];
    if (!hyphen || !next || hyphen.text !== '-' || !next.word || hyphen.start !== tokens[j]!.end) break;
    surface += next.text;
    j += 2;
  }
  return best;
}

const ACRONYM = /^(?=[\p{L}\p{N}]*\p{Lu}[\p{L}\p{N}]*\p{Lu})[\p{L}\p{N}]{2,8}$/u;

/** "Name (ACR)": the letters in brackets right after a name, as an acronym. */
function bracketedAcronym(tokens: Token[], after: number): { letters: string; last: number } | undefined {
  if (tokens[after + 1]?.text !== '(') return undefined;
  let letters = '';
  let j = after + 2;
  for (; j < tokens.length && tokens[j]!.text !== ')'; j++) {
    const t = tokens[j]!;
    if (t.word) letters += t.text;
    else if (t.text !== '-') return undefined;
  }
  if (tokens[j]?.text !== ')' || !ACRONYM.test(letters)) return undefined;
  return { letters, last: j };
}

/**
 * Unknown capitalised names ("Baloch Republican Army", "commander Bashir Zeb"), kept when a
 * cue says what they are, or when the text defines an acronym for them. Also records every
 * "Name (ACR)" definition, for known names too.
 */
function findNewNames(tokens: Token[], taken: Array<Mention | undefined>, ctx: DocumentContext, add: (m: Mention) => void): void {
  const lex = ctx.lexicon;
  for (let i = 0; i < tokens.length; i++) {
    const existing = taken[i];
    if (existing) {
      // A known name followed by "(ACR)": the acronym names it from now on.
      if (existing.last === i) {
        const acr = bracketedAcronym(tokens, i);
        if (acr) {
          ctx.acronyms.set(acr.letters, existing.id);
          for (let k = i + 1; k <= acr.last; k++) taken[k] = existing;
          existing.last = acr.last;
          i = acr.last;
        }
      }
      continue;
    }
    const t = tokens[i]!;
    if (!t.word || !t.cap || lex.notNames.has(t.text) || !nameTag(t) || afterNamePrefix(tokens, i, lex)) continue;
    let last = i;
    for (let j = i + 1; j < tokens.length; ) {
      let k = j;
      while (tokens[k] && !tokens[k]!.word && tokens[k]!.text === '-') k++;
      const w = tokens[k];
      if (!w || !w.word || taken[k]) break;
      if (w.cap) {
        last = k;
        j = k + 1;
      } else if (lex.nameConnectors.has(w.norm)) {
        j = k + 1;
      } else break;
    }
    // "US Army General Michael Kurilla": a title inside the run is not part of the name after it.
    for (let k = last - 1; k > i; k--)
      if (tokens[k]!.word && tokens[k]!.cap && lex.personBefore.has(tokens[k]!.norm)) {
        i = k + 1;
        while (i < last && !(tokens[i]!.word && tokens[i]!.cap)) i++;
        break;
      }
    const isTitle = (k: number) => tokens[k]!.cap && lex.personBefore.has(tokens[k]!.norm);
    // "China-Pakistan Economic Corridor", "Islamic Republic": a fragment of a longer name names no one.
    const fragment = (tokens[i - 1]?.text === '-' && !!taken[i - 2] && tokens[i - 1]!.start === tokens[i - 2]!.end) || (i === last && lex.inName.has(tokens[i]!.norm)) || isTitle(last);
    if (fragment) {
      i = last;
      continue;
    }
    const words = tokens.slice(i, last + 1).filter((w) => w.word);
    const name = tokens.slice(i, last + 1).reduce((s, w, n, all) => s + (n > 0 && all[n - 1]!.end < w.start ? ' ' : '') + w.text, '');
    const acr = bracketedAcronym(tokens, last);
    const kind = guessKind(tokens, i, last, words, lex) ?? (acr ? 'organization' : undefined);
    if (kind && !(words.length === 1 && i === 0 && !acr && !lex.inName.has(words[0]!.norm))) {
      const id = ctx.discover(name, kind);
      const mention: Mention = { id, kind, first: i, last, source: 'new' };
      add(mention);
      if (acr) {
        ctx.acronyms.set(acr.letters, id);
        const actor = ctx.discovered.get(id)!;
        if (!actor.aliases.includes(acr.letters)) actor.aliases.push(acr.letters);
        for (let k = last + 1; k <= acr.last; k++) taken[k] = mention;
        last = mention.last = acr.last;
      }
    }
    i = last;
  }
}

/** A name starts with a proper noun (or a noun the tagger is unsure of), not "Despite" or "Meanwhile". */
const NAME_TAGS = new Set(['PROPN', 'NOUN', 'X']);
const nameTag = (t: Token) => t.pos === undefined || NAME_TAGS.has(t.pos);

function guessKind(tokens: Token[], first: number, last: number, words: Token[], lex: Lexicon): ActorKind | undefined {
  const inName = words.map((w) => lex.inName.get(w.norm)).filter((k): k is ActorKind => !!k);
  if (inName.length > 0) return lex.inName.get(words.at(-1)!.norm) ?? inName[0];
  const before = previousWord(tokens, first);
  if (before && lex.personBefore.has(before.norm)) return 'person';
  if (lex.personBefore.has(words[0]!.norm) && words.length > 1) return 'person';
  const after = tokens[last + 1];
  if (after?.word && !after.cap) {
    if (lex.placeAfter.has(after.norm)) return 'place';
    if (lex.groupAfter.has(after.norm)) return 'group';
  }
  if (after?.text === ',') {
    for (let k = last + 2; k < Math.min(tokens.length, last + 7); k++) {
      const w = tokens[k]!;
      if (!w.word) break;
      if (lex.personAfter.has(w.norm)) return 'person';
    }
  }
  return undefined;
}

function previousWord(tokens: Token[], i: number): Token | undefined {
  const t = tokens[i - 1];
  return t?.word ? t : undefined;
}

/**
 * "Central Asian and Arab states": the first conjunct borrows the head noun of the second
 * ("Central Asian states") when the gazetteer knows the name that makes.
 */
function findElliptical(tokens: Token[], taken: Array<Mention | undefined>, named: Mention[], ctx: DocumentContext, add: (m: Mention) => void): void {
  for (const m of named) {
    const and = m.first - 1;
    if (m.last === m.first || tokens[and]?.norm !== 'and') continue;
    let first = and;
    while (first > 0 && and - first < 3 && tokens[first - 1]!.word && tokens[first - 1]!.cap && !taken[first - 1]) first--;
    if (first === and) continue;
    const words = tokens.slice(first, and).map((t) => t.text);
    const r = ctx.index.resolve([...words, tokens[m.last]!.text].join(' '));
    const kind = r.ok ? ctx.kindOf(r.id) : undefined;
    if (r.ok && kind) add({ id: r.id, kind, first, last: and - 1, source: 'name' });
  }
}

/** "Pakistani territory", "Chinese interests": an adjective of nationality before a common noun. */
function findDemonyms(tokens: Token[], taken: Array<Mention | undefined>, ctx: DocumentContext, add: (m: Mention) => void): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (taken[i] || !t.word || !t.cap) continue;
    const name = ctx.lexicon.demonyms.get(t.text);
    const next = tokens[i + 1];
    if (!name || !next?.word || next.cap) continue;
    const r = ctx.index.resolve(name);
    const kind = r.ok ? ctx.kindOf(r.id) : undefined;
    if (r.ok && kind) add({ id: r.id, kind, first: i, last: i, source: 'demonym' });
  }
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their']);

/**
 * A noun, not a verb: "the suicide bombing", "a U.S. drone strike", not "militants attacked".
 * The index of its article, or -1.
 */
function determinerBefore(tokens: Token[], taken: Array<Mention | undefined>, i: number): number {
  if (tokens[i]!.norm.endsWith('ed') || tokens[i]!.pos === 'VERB') return -1;
  for (let k = i - 1; k >= Math.max(0, i - 6); k--) {
    const t = tokens[k]!;
    if (taken[k]) continue;
    if (!t.word || NOT_MODIFIERS.has(t.norm)) return -1;
    if (DETERMINERS.has(t.norm)) return k;
  }
  return -1;
}

/** Words that end a noun phrase read leftwards from its noun. */
const NOT_MODIFIERS = new Set(['after', 'before', 'during', 'since', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'by', 'with', 'from', 'to', 'for', 'against', 'between']);

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
function findDescriptions(tokens: Token[], taken: Array<Mention | undefined>, found: Mention[], ctx: DocumentContext, add: (m: Mention) => void): void {
  const anchors = found.filter((m) => m.kind !== 'event');
  if (anchors.length === 0) return;
  const years = tokens.filter((t) => YEAR.test(t.text)).map((t) => t.text);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const nouns = t.word && !taken[i] ? ctx.lexicon.eventNouns.get(t.stem) : undefined;
    const article = nouns ? determinerBefore(tokens, taken, i) : -1;
    if (article === -1) continue;
    const fits = gazetteerEvents(ctx.index).filter(
      (e) =>
        [...nouns!].some((n) => e.words.has(n)) &&
        anchors.some((a) => tokens.slice(a.first, a.last + 1).every((w) => !w.word || e.words.has(stem(w.norm)))) &&
        (years.length === 0 || e.years.size === 0 || years.some((y) => e.years.has(y))),
    );
    const id = fits.length === 1 ? fits[0]!.id : fits.length === 0 ? newEvent(tokens, i, anchors, years, ctx) : undefined;
    if (!id) continue;
    const inner = anchors.filter((a) => a.first > article && a.last < i);
    add({ id, kind: 'event', first: i, last: i, source: 'description', ...(inner.length > 0 ? { inner } : {}) });
  }
}

const AT = new Set(['in', 'at', 'near']);
const NP_BREAKS = new Set([',', ';', ':', '—', '(', ')']);

/**
 * "the attack on a police station in Bannu" that the gazetteer does not know: a new event
 * named for its noun, the place and the year the sentence gives ("attack in Bannu (2025)").
 */
function newEvent(tokens: Token[], noun: number, anchors: Mention[], years: string[], ctx: DocumentContext): string | undefined {
  const place = anchors.find((a) => a.kind === 'place' && a.first > noun && a.first - noun <= 8 && AT.has(tokens[a.first - 1]!.norm));
  if (!place || tokens.slice(noun + 1, place.first).some((t) => NP_BREAKS.has(t.text) || ctx.lexicon.clauseBreaks.has(t.norm))) return undefined;
  const where = tokens.slice(place.first, place.last + 1).map((t) => t.text).join(' ');
  const year = new Set(years).size === 1 ? ` (${years[0]})` : '';
  return ctx.discover(`${tokens[noun]!.norm} in ${where}${year}`, 'event');
}

/** "the group", "the attack", "it": unresolved references (id '') resolved in reading order by findMentions. */
function findCoreference(tokens: Token[], taken: Array<Mention | undefined>, ctx: DocumentContext, add: (m: Mention) => void): void {
  const lex = ctx.lexicon;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (taken[i] || !t.word) continue;
    for (const { kind, cue } of lex.coreference.get(t.stem) ?? []) {
      const last = matchCue(tokens, i, cue);
      // "the group Jaish al-Adl" names the group itself: leave it to the name.
      if (last === -1 || taken[last] || taken[last + 1]) continue;
      add({ id: '', kind, first: i, last, source: 'coreference' });
      i = last;
      break;
    }
    if (taken[i]) continue;
    if (lex.pronouns.has(t.norm) && !isExpletive(tokens, i)) add({ id: '', kind: 'group', first: i, last: i, source: 'pronoun' });
  }
}

const QUOTES = new Set(['"', '”', '’', "'"]);

/**
 * "“Abu Harith,” a recruitment head in Khyber Pakhtunkhwa": a role in apposition to a person
 * that names no group is a role in the group the text is about, the last one named. The
 * reference stands on the article ("a … head" = "a head of that group").
 */
function findImpliedGroups(tokens: Token[], taken: Array<Mention | undefined>, found: Mention[], ctx: DocumentContext, add: (m: Mention) => void): void {
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
      if (ctx.lexicon.personAfter.has(t.norm)) {
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
