/**
 * Who a sentence names: gazetteer names and aliases (longest match), acronyms the text
 * defines, unknown capitalised names whose kind a cue gives away, demonyms, and words that
 * point back ("the group", "it") to an actor named before.
 */
import type { Actor, ActorKind } from '../../domain/index.ts';
import { type AliasIndex, normalizeName } from '../alias-index.ts';
import type { Lexicon } from './lexicon.ts';
import { matchCue, type Sentence, type Token } from './text.ts';

export type MentionSource = 'name' | 'acronym' | 'new' | 'demonym' | 'coreference' | 'pronoun';

export interface Mention {
  id: string;
  kind: ActorKind;
  /** Token indices in the sentence, inclusive. */
  first: number;
  last: number;
  source: MentionSource;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The actor a name ending here names; `exactCase` when it is a short acronym ("IS", "US"). */
  end?: { id: string; exactCase?: string; capitalised: boolean };
}

/** Punctuation that may sit between the words of one name: "IS-K", "U.S.", "States’ Anti-Terrorism". */
const NAME_JOINERS = new Set(['-', '‐', '‑', '–', '.', "'", '’']);

const tries = new WeakMap<AliasIndex, { size: number; root: TrieNode }>();

/** The gazetteer as a token trie over normalised names, built once per index. */
function gazetteerTrie(index: AliasIndex): TrieNode {
  const actors = index.actors;
  const hit = tries.get(index);
  if (hit && hit.size === actors.length) return hit.root;
  const root: TrieNode = { next: new Map() };
  for (const actor of actors) {
    for (const name of [actor.name, ...actor.aliases]) {
      const words = normalizeName(name).split(' ').filter(Boolean);
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
export class DocumentContext {
  readonly acronyms = new Map<string, string>();
  readonly discovered = new Map<string, Actor>();
  private readonly lastOfKind = new Map<ActorKind, string>();
  private lastActor?: { id: string; kind: ActorKind };

  constructor(
    readonly index: AliasIndex,
    readonly lexicon: Lexicon,
  ) {}

  kindOf(id: string): ActorKind | undefined {
    return this.index.get(id)?.kind ?? this.discovered.get(id)?.kind;
  }

  seen(m: Mention): void {
    this.lastOfKind.set(m.kind, m.id);
    if (m.kind === 'group' || m.kind === 'state' || m.kind === 'organization') this.lastActor = { id: m.id, kind: m.kind };
  }

  last(kind: ActorKind): string | undefined {
    return this.lastOfKind.get(kind);
  }

  lastAgent(): { id: string; kind: ActorKind } | undefined {
    return this.lastActor;
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
      add(named);
      i = named.last;
    }
  }
  findNewNames(tokens, taken, ctx, add);
  findDemonyms(tokens, taken, ctx, add);
  findCoreference(tokens, taken, ctx, add);

  found.sort((a, b) => a.first - b.first);
  // Pronouns and "the group" point at the last actor named before them, in this sentence too.
  const resolved: Mention[] = [];
  for (const m of found) {
    if (m.id === '') {
      const target = m.source === 'pronoun' ? ctx.lastAgent() : lastOf(ctx, m.kind);
      if (!target) continue;
      const r = { ...m, id: target.id, kind: target.kind };
      resolved.push(r);
      continue;
    }
    ctx.seen(m);
    resolved.push(m);
  }
  return resolved;
}

function lastOf(ctx: DocumentContext, kind: ActorKind): { id: string; kind: ActorKind } | undefined {
  const id = ctx.last(kind);
  return id ? { id, kind } : undefined;
}

/** "anti-Taliban" names no Taliban. */
function afterNamePrefix(tokens: Token[], i: number, lexicon: Lexicon): boolean {
  const hyphen = tokens[i - 1];
  const prefix = tokens[i - 2];
  return !!hyphen && !!prefix && hyphen.text === '-' && hyphen.start === prefix.end && lexicon.namePrefixes.has(prefix.norm);
}

/** Longest gazetteer name (or document acronym) starting at token i. */
function matchName(tokens: Token[], i: number, root: TrieNode, ctx: DocumentContext): Mention | undefined {
  let node: TrieNode | undefined = root;
  let best: { id: string; last: number } | undefined;
  let j = i;
  let surface = '';
  while (node && j < tokens.length) {
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
    if (!t.word || !t.cap || lex.notNames.has(t.text) || afterNamePrefix(tokens, i, lex)) continue;
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

/** "the group", "the attack", "it": placeholders (id '') resolved in reading order by findMentions. */
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

/** "It is crucial…", "it was…": no one. */
function isExpletive(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return tokens[i]!.norm === 'it' && !!next && (next.norm === 'is' || next.norm === 'was');
}
