/**
 * The automatic extractor: a dictionary-and-pattern event coder (in the PETRARCH / PLOVER
 * tradition) that proposes claims for a document without curated ones. Sentence by
 * sentence it finds actors (mentions.ts), relation cues and the actors their frame places
 * (relations.ts), hedges (certainty.ts) and dates (when.ts). The cue words are data:
 * lexicon.yaml.
 */
import { type Actor, type ClaimRecord, fitsSignature, type Span } from '../../domain/index.ts';
import type { AliasIndex } from '../alias-index.ts';
import { claimId } from '../claim-id.ts';
import type { Extractor } from '../corpus.ts';
import { findHedges, judge, type Judgement } from './certainty.ts';
import { defaultLexicon, type Lexicon } from './lexicon.ts';
import { latest } from './coreference.ts';
import { presenceFromSanctuary } from './inference.ts';
import { DocumentContext, findMentions, type Mention } from './mentions.ts';
import { asidesOf, type Candidate, coverOf, findRelations, hasBothSides, type SentenceView } from './relations.ts';
import { splitSentences } from './text.ts';
import { findWhen } from './when.ts';

/** A quote longer than this is cut to the words that make the claim. */
const MAX_QUOTE = 320;

export const extract: Extractor = (input, index) => extractWith(defaultLexicon(), input, index);

export function extractWith(
  lexicon: Lexicon,
  input: { document: string; text: string; body: Span[] },
  index: AliasIndex,
): { claims: ClaimRecord[]; actors: Actor[] } {
  const { document, text } = input;
  const ctx = new DocumentContext(index, lexicon);
  const claims = new Map<string, ClaimRecord>();
  const keep = (claim: ClaimRecord) => {
    // One claim per relation per quote: the most confident reading, with all the modes found.
    const key = `${claim.subject}|${claim.type}|${claim.object}|${claim.start}|${claim.end}`;
    const previous = claims.get(key);
    if (!previous) return void claims.set(key, claim);
    const mode = [...new Set([...(previous.mode ?? []), ...(claim.mode ?? [])])];
    const best = claim.confidence! > previous.confidence! ? claim : previous;
    claims.set(key, { ...best, ...(mode.length > 0 ? { mode } : {}) });
  };

  for (const sentence of splitSentences(text, input.body, lexicon.abbreviations)) {
    const topic = ctx.salient();
    const government = latest(ctx, 'state');
    const earlier = ctx.recentAgents();
    const previous = ctx.subject;
    const mentions = findMentions(sentence, ctx);
    if (sentence.heading) continue;
    // One mention may still hold a relation: "the Taliban takeover" names its maker inside it,
    // "Interior Minister X" a role in the actor the text is about.
    // "Both groups share deep ties": a plural description points back to the last two named; "This
    // concern led to pressure on Pakistan" goes on about the previous sentence's subject.
    const pointsBack = () => (!!previous && lexicon.words.anaphoricOpeners.has(sentence.tokens[0]!.norm)) || hasBothSides(sentence.tokens, lexicon);
    if (mentions.length < 2 && !mentions[0]?.inner && !(mentions[0]?.kind === 'person' && topic) && !pointsBack()) continue;
    const view: SentenceView = { sentence, mentions, cover: coverOf(sentence.tokens, mentions), aside: asidesOf(sentence.tokens), lexicon, earlier, ...(previous ? { previous } : {}), ...(topic ? { topic } : {}), ...(government ? { government } : {}) };
    // The last word on kinds is the ontology's: a relation outside its signature is never proposed.
    const candidates = findRelations(view).filter((c) => fitsSignature(c.pattern.type, c.subject.kind, c.object.kind));
    if (candidates.length === 0) continue;
    const hedges = findHedges(view);
    const names: Array<[number, number]> = mentions.map((m) => [sentence.tokens[m.first]!.start, sentence.tokens[m.last]!.end]);
    const when = findWhen(text, sentence.start, sentence.end, names);
    for (const candidate of candidates) {
      const { main, denial } = judge(view, hedges, candidate);
      if (candidate.negated && main.certainty === 'denied' && !main.attributedTo) continue;
      const quoteEnd = denial ? lastCommaBefore(view, denial.at) : sentence.end;
      keep(toClaim(document, text, view, candidate, main, when, quoteEnd));
      if (denial) keep(toClaim(document, text, view, candidate, denial, when, sentence.end));
    }
  }

  for (const c of presenceFromSanctuary([...claims.values()], ctx)) keep(c);
  const kept = withoutIdleEvents([...claims.values()], ctx);
  const used = new Set<string>();
  for (const c of kept) used.add(c.subject).add(c.object);
  const actors = [...ctx.discovered.values()].filter((a) => used.has(a.id));
  return { claims: kept.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id)), actors };
}

/**
 * An event the text describes but the gazetteer does not know ("the attack on a police
 * station in Bannu") becomes an actor only when the text says who made it; its place alone
 * is not worth a new node.
 */
function withoutIdleEvents(claims: ClaimRecord[], ctx: DocumentContext): ClaimRecord[] {
  const isNewEvent = (id: string) => ctx.discovered.get(id)?.kind === 'event';
  const made = new Set(claims.filter((c) => c.type === 'PERPETRATED' && isNewEvent(c.object)).map((c) => c.object));
  return claims.filter((c) => made.has(c.subject) || made.has(c.object) || (!isNewEvent(c.subject) && !isNewEvent(c.object)));
}

/** Where an alleged reading ends when a denial follows it: at the comma before the denial. */
function lastCommaBefore(view: SentenceView, at: number): number {
  const tokens = view.sentence.tokens;
  for (let k = at - 1; k > 0; k--) if (tokens[k]!.text === ',') return tokens[k - 1]!.end;
  return view.sentence.end;
}

function toClaim(
  document: string,
  text: string,
  view: SentenceView,
  c: Candidate,
  judgement: Judgement,
  when: string | undefined,
  sentenceEnd: number,
): ClaimRecord {
  const tokens = view.sentence.tokens;
  let start = view.sentence.start;
  let end = sentenceEnd;
  if (end - start > MAX_QUOTE) {
    const first = Math.min(c.subject.first, c.object.first, c.cueFirst);
    const last = Math.max(c.subject.last, c.object.last, c.cueLast);
    start = tokens[first]!.start;
    end = tokens[last]!.end;
  }
  const { pattern } = c;
  return {
    id: claimId({ document, subject: c.subject.id, type: pattern.type, object: c.object.id, start, end }),
    document,
    subject: c.subject.id,
    type: pattern.type,
    object: c.object.id,
    certainty: judgement.certainty,
    ...(judgement.attributedTo ? { attributedTo: judgement.attributedTo } : {}),
    ...(when ? { when } : {}),
    quote: text.slice(start, end),
    start,
    end,
    origin: 'extracted',
    confidence: confidence(c),
    ...(pattern.type === 'SUPPORTS' ? supportModes(view, c) : {}),
    ...(pattern.role ? { role: pattern.role } : {}),
    ...(pattern.claimed !== undefined ? { claimed: pattern.claimed } : {}),
  };
}

const INDIRECT: ReadonlySet<Mention['source']> = new Set(['coreference', 'pronoun', 'implied']);

/** The pattern's weight, less for actors found by reference or guessed, and for distance. */
function confidence(c: Candidate): number {
  let score = c.pattern.weight;
  for (const m of [c.subject, c.object]) {
    if (INDIRECT.has(m.source)) score -= 0.15;
    else if (m.source === 'new' || m.source === 'demonym' || m.source === 'description') score -= 0.05;
  }
  score -= Math.max(0, c.distance - 3) * 0.015;
  return Math.round(Math.min(0.95, Math.max(0.05, score)) * 100) / 100;
}

/** SUPPORTS modes: the pattern's own, plus those the words around the cue name. */
function supportModes(view: SentenceView, c: Candidate): Pick<ClaimRecord, 'mode'> {
  const modes = new Set(c.pattern.mode ?? []);
  const tokens = view.sentence.tokens;
  const from = Math.max(0, c.cueFirst - 3);
  const to = Math.min(tokens.length - 1, Math.max(c.cueLast + 6, c.object.last));
  for (let k = from; k <= to; k++) {
    const t = tokens[k]!;
    if (!t.word || view.cover[k]) continue;
    for (const [prefix, mode] of view.lexicon.modes) if (t.norm.startsWith(prefix)) modes.add(mode);
  }
  return modes.size > 0 ? { mode: [...modes] } : {};
}
