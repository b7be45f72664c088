/**
 * Dictionary matching: gazetteer names and aliases as a token trie (longest match), acronyms
 * the document defined, names inside an event's name, elliptical conjuncts and demonyms.
 */
import { type AliasIndex, normalizeName } from '../alias-index.ts';
import type { DocumentContext, Mention, MentionSource } from './context.ts';
import type { Lexicon } from './lexicon.ts';
import type { Token } from './text.ts';

export interface TrieNode {
  next: Map<string, TrieNode>;
  /** The actor a name ending here names; `exactCase` when it is a short acronym ("IS", "US"). */
  end?: { id: string; exactCase?: string; capitalised: boolean };
}

/** Punctuation that may sit between the words of one name: "IS-K", "U.S.", "States’ Anti-Terrorism". */
const NAME_JOINERS = new Set(['-', '‐', '‑', '–', '.', "'", '’']);

const POSSESSIVE_S = /(\p{L})['’]s\b/gu;

const tries = new WeakMap<AliasIndex, { size: number; root: TrieNode }>();

/** The gazetteer as a token trie over normalised names, built once per index. */
export function gazetteerTrie(index: AliasIndex): TrieNode {
  const hit = tries.get(index);
  if (hit && hit.size === index.size) return hit.root;
  const root: TrieNode = { next: new Map() };
  for (const actor of index.actors) {
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
  tries.set(index, { size: index.size, root });
  return root;
}

/** "anti-Taliban" names no Taliban. */
export function afterNamePrefix(tokens: Token[], i: number, lexicon: Lexicon): boolean {
  const hyphen = tokens[i - 1];
  const prefix = tokens[i - 2];
  return !!hyphen && !!prefix && hyphen.text === '-' && hyphen.start === prefix.end && lexicon.namePrefixes.has(prefix.norm);
}

/**
 * The names inside an event's name, each shorter than it. A name there that the gazetteer
 * also knows as a place ("Kabul" in "the Kabul airport bombing", "Kabul city") is the place.
 */
export function namesWithin(tokens: Token[], event: Mention, root: TrieNode, ctx: DocumentContext): Mention[] {
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

export function placeReading(tokens: Token[], m: Mention, ctx: DocumentContext): Mention | undefined {
  const surface = tokens.slice(m.first, m.last + 1).map((t) => t.text).join(' ');
  const id = ctx.placeNamed(surface);
  return id ? { ...m, id, kind: 'place' } : undefined;
}

/**
 * "ISIS-K … an ISIS commander": in a text that wrote a branch as its parent's short form and a
 * suffix, the bare short form is the branch, unless the text sets the parent apart ("IS
 * Central", "the core IS"). The branch's hyphened name teaches the reading; a mark of the
 * parent ends it for the rest of the text.
 */
export function branchReading(tokens: Token[], m: Mention, ctx: DocumentContext): Mention {
  const short = tokens[m.first]!;
  if (m.last === m.first + 2 && tokens[m.first + 1]!.text === '-') {
    const parent = ctx.index.resolve(short.text);
    if (parent.ok && parent.id !== m.id && ctx.kindOf(parent.id) === m.kind && !ctx.branches.has(short.text)) ctx.branches.set(short.text, m.id);
    return m;
  }
  if (m.first !== m.last) return m;
  const marks = ctx.lexicon.words.parentMarks;
  if (marks.has(tokens[m.first - 1]?.norm ?? '') || marks.has(tokens[m.first + 1]?.norm ?? '')) {
    ctx.setApart.add(m.id);
    return m;
  }
  const branch = ctx.branches.get(short.text);
  return branch && !ctx.setApart.has(m.id) ? { ...m, id: branch } : m;
}

/** Longest gazetteer name (or document acronym) starting at token i and ending by `limit`. */
export function matchName(tokens: Token[], i: number, root: TrieNode, ctx: DocumentContext, limit = tokens.length - 1): Mention | undefined {
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

/**
 * "Central Asian and Arab states": the first conjunct borrows the head noun of the second
 * ("Central Asian states") when the gazetteer knows the name that makes.
 */
export function findElliptical(tokens: Token[], taken: Array<Mention | undefined>, named: Mention[], ctx: DocumentContext, add: (m: Mention) => void): void {
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
export function findDemonyms(tokens: Token[], taken: Array<Mention | undefined>, ctx: DocumentContext, add: (m: Mention) => void): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (taken[i] || !t.word || !t.cap) continue;
    const name = ctx.lexicon.demonyms.get(t.text);
    // "Russian-supplied": the adjective hyphened to a participle.
    const hyphened = tokens[i + 1]?.text === '-' && tokens[i + 1]!.start === t.end && !!tokens[i + 2]?.word && !tokens[i + 2]!.cap;
    const next = hyphened ? tokens[i + 2] : tokens[i + 1];
    // "Pakistani territory"; "Pakistani Prime Minister X" too: a title may follow in capitals.
    const title = (k: number) => !!tokens[k]?.word && ctx.lexicon.personBefore.has(tokens[k]!.norm);
    // "the Afghan-TTP connection": the adjective hyphened to a name pairs the two.
    const paired = tokens[i + 1]?.text === '-' && tokens[i + 1]!.start === t.end && !!taken[i + 2];
    if (!name || (!paired && (!next?.word || (next.cap && !title(i + 1) && !title(i + 2))))) continue;
    const r = ctx.index.resolve(name);
    const kind = r.ok ? ctx.kindOf(r.id) : undefined;
    if (r.ok && kind) add({ id: r.id, kind, first: i, last: i, source: 'demonym' });
  }
}
