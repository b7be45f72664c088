/**
 * How sure the text is of a relation, and on whose word: hedges, attributions and denials
 * found before the relation's cue in its sentence (a denial may also follow it:
 * "…, a charge that Kabul continues to deny").
 */
import type { Certainty } from '../../domain/index.ts';
import type { CompiledHedge, HedgeClass } from './lexicon.ts';
import type { Mention } from './mentions.ts';
import { type Candidate, isParticipleClause, type SentenceView, sentenceSubject } from './relations.ts';
import { matchCue, type Token } from './text.ts';

export interface Hedge {
  hedge: CompiledHedge;
  first: number;
  last: number;
}

export interface Judgement {
  certainty: Certainty;
  attributedTo?: string;
}

const RANK: Record<Certainty, number> = { asserted: 0, reported: 1, speculative: 2, alleged: 3, denied: 4 };

/** Every hedge cue in the sentence, outside actors' names. */
export function findHedges(view: SentenceView): Hedge[] {
  const tokens = view.sentence.tokens;
  const found: Hedge[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word || view.cover[i]) continue;
    let best: Hedge | undefined;
    for (const hedge of view.lexicon.hedges.get(t.stem) ?? []) {
      // Short modal cues ("may") only as written in lower case: "May 2025" is a month.
      if (hedge.cue.length === 1 && t.norm.length <= 3 && t.text !== t.norm) continue;
      const last = matchCue(tokens, i, hedge.cue);
      if (last === -1) continue;
      if (!best || last > best.last || (last === best.last && RANK[hedge.certainty] > RANK[best.hedge.certainty])) best = { hedge, first: i, last };
    }
    if (best) found.push(best);
  }
  return found;
}

/**
 * The relation's certainty from the hedges before its cue (the strongest wins), and a
 * denial after it when there is one, as a second reading of the same sentence.
 */
export function judge(view: SentenceView, hedges: Hedge[], c: Candidate): { main: Judgement; denial?: Judgement & { at: number } } {
  const tokens = view.sentence.tokens;
  const clauseStart = lastSemicolonBefore(tokens, c.cueFirst);
  let main: Judgement = { certainty: c.pattern.certainty ?? 'asserted' };
  let denial: (Judgement & { at: number }) | undefined;
  for (const h of hedges) {
    if (h.last >= c.cueFirst && h.first <= c.cueLast) continue;
    // A source noun that heads the subject's phrase is no hedge: "U.S. officials accused…" is an accusation, not a report.
    if (isSlot(c, h) || (h.hedge.attribution === 'cue' && h.first === c.subject.last + 1)) continue;
    if (h.last < c.cueFirst && h.first > clauseStart) {
      // Of equal hedges, the nearer one that names a source speaks for the relation ("Several analysts argue that … may").
      const rank = RANK[h.hedge.certainty] - RANK[main.certainty];
      const reading = rank >= 0 ? withAttribution(view, h, h.hedge.certainty) : undefined;
      if (reading && (rank > 0 || reading.attributedTo || !main.attributedTo)) main = reading;
    } else if (h.first > Math.max(c.cueLast, c.object.last, c.subject.last) && h.hedge.certainty === 'denied' && !denial && c.pattern.type !== 'ACCUSES' && !c.pattern.role) {
      // A later denial answers what the relation says; an accusation stands whatever the accused says, and
      // a title ("Interior Ministry spokesman X … claiming ISIS no longer exists") is taken for granted, not at issue.
      denial = { ...withAttribution(view, h, 'denied'), at: h.first };
    }
  }
  if (c.negated && main.certainty !== 'denied') {
    // "X did not attack Y" in the author's voice is no claim; in a party's voice it is a denial.
    main = main.attributedTo ? { certainty: 'denied', attributedTo: main.attributedTo } : { certainty: 'denied' };
  }
  return denial ? { main, denial } : { main };
}

function isSlot(c: Candidate, h: Hedge): boolean {
  const inside = (m: Mention) => h.first >= m.first && h.last <= m.last;
  return inside(c.subject) || inside(c.object);
}

function lastSemicolonBefore(tokens: Token[], at: number): number {
  for (let k = at - 1; k >= 0; k--) if (tokens[k]!.text === ';') return k;
  return -1;
}

function withAttribution(view: SentenceView, h: Hedge, certainty: HedgeClass): Judgement {
  const source = attribution(view, h);
  return source ? { certainty, attributedTo: source } : { certainty };
}


/** Who a hedge cites: an actor id when an actor stands there, else the words of the source. */
function attribution(view: SentenceView, h: Hedge): string | undefined {
  const tokens = view.sentence.tokens;
  switch (h.hedge.attribution) {
    case 'none':
      return undefined;
    case 'cue':
      return phrase(tokens, h.first, h.last);
    case 'after': {
      const m = view.mentions.find((x) => x.first > h.last && x.first <= h.last + 4);
      if (m) return m.id;
      let end = h.last;
      while (end + 1 < tokens.length && tokens[end + 1]!.word && end - h.last < 6) end++;
      let start = h.last + 1;
      while (start <= end && view.lexicon.words.nounPhraseStops.has(tokens[start]!.norm)) start++;
      return start <= end ? phrase(tokens, start, end) : undefined;
    }
    case 'before': {
      if (isParticipleClause(tokens, h.first)) {
        const main = sentenceSubject(view, h.first);
        if (main) return main.id;
      }
      let k = h.first - 1;
      while (k >= 0 && tokens[k]!.word && (view.lexicon.words.auxiliaries.has(tokens[k]!.norm) || tokens[k]!.norm.endsWith('ly'))) k--;
      const m = view.cover[k];
      if (m) return m.id;
      const end = k;
      while (k >= 0 && tokens[k]!.word && !view.lexicon.words.nounPhraseStops.has(tokens[k]!.norm) && !view.lexicon.prepositions.has(tokens[k]!.norm) && end - k < 3) k--;
      if (k === end) return undefined;
      // An actor's name may head the phrase: "Senior Taliban officials" speaks for the Taliban.
      for (let j = k + 1; j <= end; j++) if (view.cover[j]) return view.cover[j]!.id;
      return phrase(tokens, k + 1, end);
    }
  }
}

/** The words from token `first` to `last` as written, lower-cased unless a name. */
function phrase(tokens: Token[], first: number, last: number): string | undefined {
  let s = '';
  for (let k = first; k <= last; k++) {
    const t = tokens[k]!;
    if (k > first && tokens[k - 1]!.end < t.start) s += ' ';
    s += t.text;
  }
  const head = tokens[first]!;
  const lower = head.cap && head.text.slice(1) === head.text.slice(1).toLowerCase() ? s[0]!.toLowerCase() + s.slice(1) : s;
  return lower.trim() || undefined;
}
