/**
 * Words, stems and sentences with exact character offsets. Hand-written and allocation-light:
 * the extractor runs on every ingested article.
 */
import type { Span } from '../../domain/index.ts';
import { tagTokens } from './pos.ts';

export const WILDCARD = '*';

export interface Token {
  /** The text as written. */
  text: string;
  /** Lower case, no accents, no apostrophes: the form gazetteer names are compared in. */
  norm: string;
  /** A crude suffix-stripped form, so a cue matches its inflections. */
  stem: string;
  start: number;
  end: number;
  /** Letters or digits, as opposed to one punctuation character or a possessive 's. */
  word: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Universal part-of-speech tag (pos.ts), when the tagger's token starts here too. */
  pos: string | undefined;
}

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
  /** A title or subheading: a short line of its own, unpunctuated, before a blank line. Names, but claims nothing. */
  heading?: boolean;
}

/** The most words a heading holds. */
const HEADING_WORDS = 20;

const NON_ASCII = /[^\x00-\x7f]/;
const APOSTROPHES = /['’‘`]/g;

/** One word in the form normalizeName gives it (alias-index.ts), without the cost on plain ASCII. */
export function normWord(w: string): string {
  const lower = NON_ASCII.test(w) ? w.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase() : w.toLowerCase();
  return lower.replace(APOSTROPHES, '');
}

const VOWEL = /[aeiouy]/;

/** attacks, attacked, attacking → attack; supplies → supply; planned → plan. Stable, not linguistic. */
export function stem(w: string): string {
  if (w.length <= 3) return w;
  let s = w;
  if (s.endsWith('ies') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('ied') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('ing') && s.length > 5 && VOWEL.test(s.slice(0, -3))) s = undouble(s.slice(0, -3));
  else if (s.endsWith('ed') && s.length > 4 && VOWEL.test(s.slice(0, -2))) s = undouble(s.slice(0, -2));
  else if (s.endsWith('es') && s.length > 4 && /(?:ss|sh|ch|x|z)es$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(?:ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('e') && s.length > 3) s = s.slice(0, -1);
  return s;
}

function undouble(s: string): string {
  const n = s.length;
  return n > 2 && s[n - 1] === s[n - 2] && !/[lsz]/.test(s[n - 1]!) ? s.slice(0, -1) : s;
}

// A word keeps inner apostrophes (al-Qa'ida); a trailing 's or ’s becomes its own token.
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|\S/gu;
const UPPER = /^\p{Lu}/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/** A word's normal form, stem and capital, as tokenize gives them. */
interface WordForm {
  norm: string;
  stem: string;
  cap: boolean;
}

/**
 * Word forms already worked out, by the word as written: most words of an article recur, and
 * their normal form and stem need not be worked out again. Emptied when full, so it stays bounded.
 */
const forms = new Map<string, WordForm>();
const MAX_FORMS = 50_000;

function wordForm(body: string): WordForm {
  let form = forms.get(body);
  if (!form) {
    if (forms.size >= MAX_FORMS) forms.clear();
    const norm = normWord(body);
    const first = body.charCodeAt(0);
    const cap = first < 0x80 ? first >= 65 && first <= 90 : UPPER.test(body);
    form = { norm, stem: stem(norm), cap };
    forms.set(body, form);
  }
  return form;
}

/** "Pakistan's", "ISIS’S": a word of at least one letter before an apostrophe and s. */
function isPossessiveWord(raw: string): boolean {
  const n = raw.length;
  if (n < 3) return false;
  const apostrophe = raw.charCodeAt(n - 2);
  const s = raw.charCodeAt(n - 1);
  return (apostrophe === 39 || apostrophe === 0x2019) && (s === 115 || s === 83);
}

/** Does the token start with a letter or digit? ASCII is answered without the Unicode regex. */
function isWordToken(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DIGIT.test(raw);
}

export function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  const slice = text.slice(from, to);
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const start = from + m.index;
    const raw = m[0];
    if (!isWordToken(raw)) {
      tokens.push({ text: raw, norm: raw, stem: raw, start, end: start + raw.length, word: false, cap: false, pos: undefined });
      continue;
    }
    const possessive = isPossessiveWord(raw);
    const body = possessive ? raw.slice(0, -2) : raw;
    const { norm, stem, cap } = wordForm(body);
    tokens.push({ text: body, norm, stem, start, end: start + body.length, word: true, cap, pos: undefined });
    if (possessive) {
      const at = start + body.length;
      tokens.push({ text: raw.slice(-2), norm: 's', stem: "'s", start: at, end: at + 2, word: false, cap: false, pos: undefined });
    }
  }
  return tokens;
}

/**
 * A paragraph longer than this (in characters) is no prose: it is read without POS tags, and the
 * word-shape rules that stand in for them, so a hostile megabyte costs no tagging.
 */
export const MAX_TAGGED_LINE = 20_000;

const TERMINATORS = new Set(['.', '!', '?']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']']);

/**
 * Sentences of the article: each body span split at line breaks and at . ! ? that are
 * followed by a capital, digit or opening quote, unless the full stop ends an abbreviation
 * ("U.S.", "Dr.") or an initial.
 */
export function splitSentences(text: string, body: Span[], abbreviations: ReadonlySet<string>): Sentence[] {
  const sentences: Sentence[] = [];
  for (const [spanStart, spanEnd] of body) {
    let lineStart = spanStart;
    while (lineStart < spanEnd) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1 || lineEnd > spanEnd) lineEnd = spanEnd;
      const tokens = tokenize(text, lineStart, lineEnd);
      if (tokens.length > 0 && lineEnd - lineStart <= MAX_TAGGED_LINE) tagTokens(text, lineStart, lineEnd, tokens);
      const before = sentences.length;
      splitLine(tokens, abbreviations, sentences);
      if (sentences.length === before + 1 && isHeading(text, tokens, lineEnd, spanEnd)) sentences[before]!.heading = true;
      lineStart = lineEnd + 1;
    }
  }
  return sentences;
}

/** A line of one sentence that ends without a full stop, followed by a blank line. */
function isHeading(text: string, tokens: Token[], lineEnd: number, spanEnd: number): boolean {
  if (lineEnd >= spanEnd || !/^\r?\n\s*\n/.test(text.slice(lineEnd, lineEnd + 8))) return false;
  let last = tokens.length - 1;
  while (last > 0 && CLOSERS.has(tokens[last]!.text)) last--;
  if (tokens[last]!.text === '.' || tokens[last]!.text === '!') return false;
  let words = 0;
  for (const t of tokens) if (t.word && ++words > HEADING_WORDS) return false;
  return true;
}

/** "Dr.", "U.S.": a dotted abbreviation's last letter counts only after its other dots ("IS-K." is not "U.K."). */
function isAbbreviation(tokens: Token[], at: number, abbreviations: ReadonlySet<string>): boolean {
  const t = tokens[at]!;
  return abbreviations.has(t.norm) && (t.text.length > 1 || tokens[at - 1]?.text === '.');
}

/** "J. Smith": a lone capital letter, not the end of a hyphenated acronym ("IS-K."). */
function isInitial(tokens: Token[], at: number): boolean {
  const hyphen = tokens[at - 1];
  return tokens[at]!.text.length === 1 && !(hyphen && !hyphen.word && hyphen.end === tokens[at]!.start && hyphen.text === '-');
}

function splitLine(tokens: Token[], abbreviations: ReadonlySet<string>, out: Sentence[]): void {
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!TERMINATORS.has(t.text)) continue;
    let last = i;
    while (last + 1 < tokens.length && (CLOSERS.has(tokens[last + 1]!.text) || TERMINATORS.has(tokens[last + 1]!.text))) last++;
    const next = tokens[last + 1];
    if (next) {
      const opensSentence = next.cap || /^[\p{N}"“‘'(]/u.test(next.text);
      const previous = tokens[i - 1];
      const abbreviation =
        t.text === '.' && previous?.word && previous.end === t.start && (isAbbreviation(tokens, i - 1, abbreviations) || isInitial(tokens, i - 1));
      if (!opensSentence || abbreviation) continue;
    }
    sentence(tokens, first, last, out);
    first = last + 1;
    i = last;
  }
  if (first < tokens.length) sentence(tokens, first, tokens.length - 1, out);
}

/**
 * The longest sentence the extractor reads, in tokens. Real sentences stay well under it; a
 * longer run (an unpunctuated megabyte) is cut into pieces, so that the work per sentence,
 * which grows with the square of its length, stays bounded and extraction linear in the text.
 */
export const MAX_SENTENCE_TOKENS = 160;
/** Where a cut prefers to fall: after a clause-ending mark in the last part of the piece. */
const CUT_AFTER = new Set([',', ';', ':', '—', '–', ')']);

function sentence(tokens: Token[], first: number, last: number, out: Sentence[]): void {
  while (last - first + 1 > MAX_SENTENCE_TOKENS) {
    let cut = first + MAX_SENTENCE_TOKENS - 1;
    for (let k = cut; k > first + MAX_SENTENCE_TOKENS / 2; k--)
      if (CUT_AFTER.has(tokens[k]!.text)) {
        cut = k;
        break;
      }
    out.push(piece(tokens, first, cut));
    first = cut + 1;
  }
  out.push(piece(tokens, first, last));
}

function piece(tokens: Token[], first: number, last: number): Sentence {
  const slice = tokens.slice(first, last + 1);
  return { start: slice[0]!.start, end: slice.at(-1)!.end, tokens: slice };
}

/** From `at`, moving by `step`, the index of the first token that is not one of `words` (the determiners before a name, say). */
export function skipWords(tokens: readonly Token[], at: number, step: 1 | -1, words: ReadonlySet<string>): number {
  let k = at;
  while (k >= 0 && k < tokens.length && tokens[k]!.word && words.has(tokens[k]!.norm)) k += step;
  return k;
}

/** Does the cue match the tokens at `at`? Returns the index of its last token, or -1. */
export function matchCue(tokens: Token[], at: number, cue: string[]): number {
  let i = at;
  let last = -1;
  for (let c = 0; c < cue.length; c++) {
    const want = cue[c]!;
    if (want === WILDCARD) {
      const nextWant = cue[c + 1];
      if (nextWant === undefined) return last;
      // Up to three words may stand in for the wildcard, then the rest must match.
      for (let skip = 0, j = i; skip <= 3 && j < tokens.length; skip++) {
        const rest = matchCue(tokens, j, cue.slice(c + 1));
        if (rest !== -1) return rest;
        j = nextWordIndex(tokens, j);
        if (j === -1) break;
      }
      return -1;
    }
    if (c > 0) i = skipHyphens(tokens, i);
    const t = tokens[i];
    if (!t) return -1;
    if (t.word ? t.stem !== want : t.text !== want) return -1;
    last = i;
    i++;
  }
  return last;
}

const HYPHENS = new Set(['-', '‐', '‑', '–']);
function skipHyphens(tokens: Token[], i: number): number {
  while (tokens[i] && !tokens[i]!.word && HYPHENS.has(tokens[i]!.text)) i++;
  return i;
}

/** The index after one word at `i` (and any hyphens after it), or -1 when the word is punctuation. */
function nextWordIndex(tokens: Token[], i: number): number {
  const t = tokens[i];
  if (!t || !t.word) return -1;
  return skipHyphens(tokens, i + 1);
}
