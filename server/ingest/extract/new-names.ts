/**
 * New names: unknown capitalised names whose kind a cue gives away ("Baloch Republican Army",
 * "commander Bashir Zeb"), and "Name (ACR)" definitions, for known names too.
 */
import type { ActorKind } from '../../domain/index.ts';
import type { DocumentContext, Mention } from './context.ts';
import type { Lexicon } from './lexicon.ts';
import { afterNamePrefix } from './names.ts';
import type { Token } from './text.ts';

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
export function findNewNames(tokens: Token[], taken: Array<Mention | undefined>, ctx: DocumentContext, add: (m: Mention) => void): void {
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
        // "Director General of Military Operations": what follows "of" belongs to the title.
        i = tokens[k + 1]!.word && tokens[k + 1]!.cap ? k + 1 : last + 1;
        break;
      }
    const isTitle = (k: number) => tokens[k]!.cap && lex.personBefore.has(tokens[k]!.norm);
    // "China-Pakistan Economic Corridor", "Islamic Republic": a fragment of a longer name names no one.
    if (i > last) {
      i = last;
      continue;
    }
    // "the wider Indian public": a demonym alone is an adjective, not a name.
    const fragment =
      (tokens[i - 1]?.text === '-' && !!taken[i - 2] && tokens[i - 1]!.start === tokens[i - 2]!.end) ||
      (i === last && (lex.inName.has(tokens[i]!.norm) || lex.demonyms.has(tokens[i]!.text))) ||
      isTitle(last);
    if (fragment) {
      i = last;
      continue;
    }
    // "the Al-Noor office": a head noun written in lower case is part of the name, and says its kind.
    const head = tokens[last + 1];
    if (head?.word && !head.cap && !taken[last + 1] && lex.nameHeads.has(head.norm) && !bracketedAcronym(tokens, last)) last++;
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
  if (after?.text === ',' || after?.text === '–' || after?.text === '—') {
    for (let k = last + 2; k < Math.min(tokens.length, last + 9); k++) {
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
