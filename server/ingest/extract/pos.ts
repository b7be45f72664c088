/**
 * Part-of-speech tags from wink-nlp and its English model (both shipped in their npm packages:
 * no download, no network). The extractor keeps its own tokens and exact offsets; each token
 * that starts where a wink token starts takes that token's universal POS tag (PROPN, NOUN,
 * VERB, ADP…). Tags decide what a capitalised word is and whether a cue word is a noun or a verb.
 */
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

let nlp: ReturnType<typeof winkNLP> | undefined;

/**
 * The longest stretch tagged at once, in characters. The tagger slows down more than linearly
 * on one endless sentence, so a longer line is tagged in pieces cut at a space.
 */
const MAX_PIECE = 3000;

/** A token to tag: where it starts, and the tag it gets. */
interface Taggable {
  start: number;
  pos: string | undefined;
}

/**
 * Tags the tokens of text[from, to) (in text order): each token that starts where a wink token
 * starts takes that token's tag.
 */
export function tagTokens(text: string, from: number, to: number, tokens: Taggable[]): void {
  const cursor = { tokens, next: 0 };
  for (let start = from; start < to; ) {
    let end = Math.min(to, start + MAX_PIECE);
    if (end < to) {
      const space = text.lastIndexOf(' ', end);
      if (space > start + MAX_PIECE / 2) end = space;
    }
    tagPiece(text, start, end, cursor);
    start = end;
  }
}

function tagPiece(text: string, from: number, to: number, cursor: { tokens: Taggable[]; next: number }): void {
  nlp ??= winkNLP(model, ['pos']);
  const its = nlp.its;
  const tokens = nlp.readDoc(text.slice(from, to)).tokens();
  const values = tokens.out();
  const spaces = tokens.out(its.precedingSpaces);
  const pos = tokens.out(its.pos);
  const ours = cursor.tokens;
  let at = from;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i]!.length;
    const value = values[i]!;
    // wink reproduces the text token by token; should it ever normalise one, find it again nearby.
    if (!text.startsWith(value, at)) {
      const found = text.indexOf(value, at);
      if (found === -1 || found - at > 16) continue;
      at = found;
    }
    // Both token lists run in text order: walk ours up to this offset.
    while (cursor.next < ours.length && ours[cursor.next]!.start < at) cursor.next++;
    if (cursor.next < ours.length && ours[cursor.next]!.start === at) ours[cursor.next]!.pos = pos[i]!;
    at += value.length;
  }
}
