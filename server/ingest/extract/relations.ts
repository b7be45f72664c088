/**
 * Relation patterns applied to one sentence: a cue, then the actors its frame places
 * before and after it, filtered by kind, with coordinated lists ("X, Y and Z") expanded.
 */
import { type ActorKind, isSymmetric } from '../../domain/index.ts';
import type { CompiledPattern, Lexicon } from './lexicon.ts';
import { isPartPossessor } from './coreference.ts';
import type { Mention } from './mentions.ts';
import { matchCue, type Sentence, skipWords, type Token, WILDCARD } from './text.ts';

export interface Candidate {
  pattern: CompiledPattern;
  subject: Mention;
  object: Mention;
  cueFirst: number;
  cueLast: number;
  /** Words between the cue and the farther of the two actors. */
  distance: number;
  negated: boolean;
}

/** What relation finding knows about a sentence. */
export interface SentenceView {
  sentence: Sentence;
  mentions: Mention[];
  /** The mention covering each token, if any. */
  cover: Array<Mention | undefined>;
  /** Tokens of a participle clause set off by commas (", seeking new sanctuaries,"): no distance between an agent and its verb. */
  aside: boolean[];
  lexicon: Lexicon;
  /** The state or group the text is about when the sentence starts (DocumentContext.salient). */
  topic?: { id: string; kind: ActorKind };
  /** The subject of the sentence before, when it had one. */
  previous?: { id: string; kind: ActorKind };
  /** The last state named before the sentence: a title of government with no country named is held there. */
  government?: { id: string; kind: ActorKind };
  /** The last agents named before the sentence, the most recent first ("both groups" may point back to them). */
  earlier?: ReadonlyArray<{ id: string; kind: ActorKind }>;
}

interface PatternIndex {
  /** Cues read in the running text, by their first word. */
  text: Map<string, CompiledPattern[]>;
  /** `within` cues, read inside an event's name. */
  within: Map<string, CompiledPattern[]>;
}

/** Relations whose one-word active cues are verbs ("funds", "attacks" as nouns take their own cues: "attacks on"). */
const VERB_CUE_TYPES: ReadonlySet<string> = new Set(['SUPPORTS', 'CLASHES_WITH', 'COUNTERS', 'PRESSURES', 'ACCUSES', 'PERPETRATED']);

/** "collect funds", "the attacks", "its funding": a noun with a word before it that makes it one. */
const NOUN_OPENERS: ReadonlySet<string | undefined> = new Set(['DET', 'ADJ', 'VERB', 'NUM', 'PRON']);
const isNounPhraseHead = (tokens: Token[], i: number) => tokens[i]!.pos === 'NOUN' && NOUN_OPENERS.has(tokens[i - 1]?.pos);

const byFirstCache = new WeakMap<Lexicon, PatternIndex>();
function patternsByFirst(lexicon: Lexicon): PatternIndex {
  let index = byFirstCache.get(lexicon);
  if (!index) {
    index = { text: new Map(), within: new Map() };
    for (const p of lexicon.patterns) {
      const map = p.frame === 'within' ? index.within : index.text;
      const key = p.cue[0]!;
      map.set(key, [...(map.get(key) ?? []), p]);
    }
    byFirstCache.set(lexicon, index);
  }
  return index;
}

/**
 * The mention on each token. An event description's noun stays open to cues: "an attack on
 * the army" both names an event and says who was attacked.
 */
export function coverOf(tokens: Token[], mentions: Mention[]): Array<Mention | undefined> {
  const cover: Array<Mention | undefined> = new Array(tokens.length);
  for (const m of mentions) if (m.source !== 'description') for (let i = m.first; i <= m.last; i++) cover[i] = m;
  return cover;
}

/** The longest participle clause between commas that counts as an aside, in tokens. */
const MAX_ASIDE = 12;

/** ", seeking survival and new sanctuaries,": each token of a participle clause between two commas. */
export function asidesOf(tokens: Token[]): boolean[] {
  const aside: boolean[] = new Array(tokens.length).fill(false);
  for (let a = 0; a < tokens.length; a++) {
    const participle = tokens[a + 1];
    if (tokens[a]!.text !== ',' || !participle?.word || participle.pos !== 'VERB' || !participle.norm.endsWith('ing')) continue;
    let b = a + 2;
    while (b < tokens.length && b - a <= MAX_ASIDE && tokens[b]!.word) b++;
    if (tokens[b]?.text !== ',' || b - a > MAX_ASIDE) continue;
    for (let k = a; k <= b; k++) aside[k] = true;
    a = b;
  }
  return aside;
}

export function findRelations(view: SentenceView): Candidate[] {
  const { sentence, cover, lexicon } = view;
  const tokens = sentence.tokens;
  const { text: byFirst, within } = patternsByFirst(lexicon);
  const out: Candidate[] = [];
  for (const m of view.mentions) if (m.inner?.length) out.push(...withinName(view, within, m));
  const opensAnaphorically = !!view.previous && view.lexicon.words.anaphoricOpeners.has(tokens[0]?.norm ?? '');
  if (view.mentions.length < 2 && !(view.topic && view.mentions[0]?.kind === 'person') && !hasBothSides(tokens, view.lexicon) && !opensAnaphorically) return out;
  // The end of the longest cue matched so far: a cue inside it ("ties with" in "strained ties with") is part of that cue.
  let reach = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (cover[i]) continue;
    const t = tokens[i]!;
    const patterns = byFirst.get(t.word ? t.stem : t.text);
    if (!patterns) continue;
    let longest = -1;
    const matched: Array<{ pattern: CompiledPattern; last: number }> = [];
    // "the Armed Forces Command": a capitalised word the tagger reads as part of a name is a cue only as a title.
    const inName = t.word && t.cap && t.pos === 'PROPN' && i > 0;
    for (const pattern of patterns) {
      if (inName && pattern.type !== 'MEMBER_OF') continue;
      // "raised funds from traders": a one-word verb cue the tagger reads as a noun says nothing.
      if (pattern.frame === 'active' && (pattern.verb || (pattern.cue.length === 1 && VERB_CUE_TYPES.has(pattern.type))) && isNounPhraseHead(tokens, i)) continue;
      const last = matchCue(tokens, i, pattern.cue);
      // "under heavy Taliban pressure": a reverse cue's wildcard may hold its subject.
      if (last === -1 || coveredBetween(cover, pattern.frame === 'reverse' && pattern.cue.includes(WILDCARD) ? [i, last] : [i, i], i, last)) continue;
      matched.push({ pattern, last });
      longest = Math.max(longest, last);
    }
    // The longest cue at a position wins: "clash with" over "clash".
    if (longest === -1 || (longest <= reach && longest > i)) continue;
    reach = Math.max(reach, longest);
    for (const { pattern, last } of matched) if (last === longest) out.push(...applyFrame(view, pattern, i, last));
  }
  return out;
}

/**
 * "the Taliban takeover", "the 2021 withdrawal of U.S. forces": an event's name may name who
 * made it or where it happened; a `within` cue in the name says which.
 */
function withinName(view: SentenceView, within: Map<string, CompiledPattern[]>, event: Mention): Candidate[] {
  const tokens = view.sentence.tokens;
  const out: Candidate[] = [];
  const inner = event.inner!;
  for (let k = event.first; k <= event.last; k++) {
    const t = tokens[k]!;
    if (!t.word || inner.some((m) => k >= m.first && k <= m.last)) continue;
    for (const pattern of within.get(t.stem) ?? []) {
      const last = matchCue(tokens, k, pattern.cue);
      if (last === -1 || last > event.last) continue;
      for (const m of inner) {
        const [subject, object] = pattern.object.includes('event') ? [m, event] : [event, m];
        if (pattern.subject.includes(subject.kind) && pattern.object.includes(object.kind))
          out.push({ pattern, subject, object, cueFirst: k, cueLast: last, distance: 0, negated: false });
      }
    }
  }
  return out;
}

/**
 * Cue words never fall inside a name; a pronoun may be part of a cue ("established its"), and
 * a name may stand strictly inside `open` (a wildcard's words).
 */
function coveredBetween(cover: Array<Mention | undefined>, open: [number, number], first: number, last: number): boolean {
  for (let k = first; k <= last; k++) if (cover[k] && cover[k]!.source !== 'pronoun' && !(k > open[0] && k < open[1] && cover[k]!.first > open[0] && cover[k]!.last < open[1])) return true;
  return false;
}

function applyFrame(view: SentenceView, pattern: CompiledPattern, cueFirst: number, cueLast: number): Candidate[] {
  const { window } = pattern;
  const symmetric = isSymmetric(pattern.type);
  let subjects: Mention[] = [];
  let objects: Mention[] = [];
  let pairsWithin: Mention[] | undefined;
  let both: [Mention, Mention] | undefined;
  switch (pattern.frame) {
    case 'within':
      break;
    case 'compound': {
      // "Iran-backed Houthis", "Iran's Russian-supplied drones": the name tight against the cue gives, the owner or the head receives.
      const tokens = view.sentence.tokens;
      const giver = view.cover[cueFirst - 2];
      if (!giver || giver.last !== cueFirst - 2 || tokens[cueFirst - 1]!.text !== '-' || !pattern.subject.includes(giver.kind)) break;
      subjects = [giver];
      const owner = isPossessive(tokens[giver.first - 1]) ? view.cover[giver.first - 2] : undefined;
      objects = owner && pattern.object.includes(owner.kind) ? [owner] : after(view, cueLast, pattern.object, window);
      break;
    }
    case 'active':
      subjects = pattern.government
        ? agentBefore(view, cueFirst, union(pattern.subject, ['place']), window, !pattern.nominal, cueLast).flatMap((m) => fitting(m, pattern.subject) ?? [])
        : agentBefore(view, cueFirst, pattern.subject, window, !pattern.nominal, cueLast);
      // "on its soil": the owner the cue holds is the place; nothing after the cue is.
      objects = heldOwner(view, pattern, cueFirst, cueLast) ?? after(view, cueLast, pattern.object, window);
      if (objects.length === 0) objects = bothSidesAfter(view, cueLast, pattern.object, subjects);
      if (objects.length === 0 && subjects.length === 1) objects = relativeAntecedent(view, subjects[0]!, pattern.object);
      break;
    case 'pair': {
      // "the Afghan-TTP connection", "India–Pakistan tensions": two names hyphened before the cue noun.
      const tokens = view.sentence.tokens;
      const b = view.cover[cueFirst - 1];
      const a = b && b.last === cueFirst - 1 && PAIR_MARKS.has(tokens[b.first - 1]?.text ?? '') ? view.cover[b.first - 2] : undefined;
      const s = a && a.last === b!.first - 2 ? fitting(a, pattern.subject) : undefined;
      const o = s ? fitting(b!, pattern.object) : undefined;
      if (s && o) both = [s, o];
      break;
    }
    case 'names': {
      // "Pakistani authorities arrested X": the verb tells the event it names; its agent made it.
      objects = view.mentions.filter((m) => m.verbal && m.first === cueFirst && pattern.object.includes(m.kind));
      // A helper named in a phrase ("with the assistance of Y") supported it, it did not make it.
      if (objects.length > 0) subjects = agentBefore(view, cueFirst, pattern.subject, window, true, cueLast).filter((m) => !inPrepositionalPhrase(view, m));
      break;
    }
    case 'reverse': {
      // "X, with the help of Y, arrested …": a cue that opens with a preposition helps the clause's agent, not a name in a phrase.
      objects = before(view, cueFirst, pattern.object, window, view.lexicon.prepositions.has(view.sentence.tokens[cueFirst]!.norm));
      // "… on those grounds, and was supported by the UN Security Council": a passive coordinated with the clause shares its subject.
      const shared = isCoordinatedPassive(view, cueFirst) ? (sentenceSubject(view, cueFirst) ?? anaphoricSubject(view, cueFirst)) : undefined;
      if (shared) objects = pattern.object.includes(shared.kind) ? [shared] : [];
      // "under heavy Taliban pressure": the name the cue holds is its subject.
      const held = view.mentions.find((m) => m.first > cueFirst && m.last < cueLast && m.source !== 'pronoun');
      subjects = held ? (pattern.subject.includes(held.kind) ? [held] : []) : after(view, cueLast, pattern.subject, window);
      break;
    }
    case 'before':
      if ((both = bothSides(view, cueFirst, pattern))) break;
      if (symmetric) pairsWithin = apposition(view, before(view, cueFirst, union(pattern.subject, pattern.object), window, false));
      else {
        objects = before(view, cueFirst, pattern.object, window, false).slice(-1);
        const o = objects[0];
        subjects = o ? before(view, o.first, pattern.subject, window, false) : [];
        // "The message from X was clear: Y must act": what follows the colon is the message, X says it.
        if (o && subjects.length === 0) subjects = senders(view, o.first, pattern.subject);
      }
      break;
    case 'after':
      if ((both = bothSides(view, cueLast + 1, pattern))) break;
      if (symmetric) pairsWithin = after(view, cueLast, union(pattern.subject, pattern.object), window);
      else {
        subjects = after(view, cueLast, pattern.subject, window).slice(0, 1);
        const s = subjects[0];
        objects = s ? after(view, s.last, pattern.object, window) : [];
      }
      break;
  }
  // "Interior Minister X": a title naming no one is held in the state or group the text is about;
  // a title of government ("Interior Ministry spokesman X") in a state: when the text is about a
  // group, the last state it named.
  const holder = view.topic?.kind !== 'state' && governmentTitle(view, cueFirst, cueLast) ? view.government : view.topic;
  if (pattern.type === 'MEMBER_OF' && pattern.role && pattern.frame === 'reverse' && objects.length === 0 && holder && pattern.object.includes(holder.kind)) {
    const person = titled(view, cueFirst, cueLast);
    if (person) {
      subjects = [person];
      objects = [{ ...holder, first: cueFirst, last: cueLast, source: 'implied' }];
    }
  }
  const pairs: Array<[Mention, Mention]> = [];
  if (both) pairs.push(both);
  else if (pairsWithin) {
    for (let a = 0; a < pairsWithin.length; a++) for (let b = a + 1; b < pairsWithin.length; b++) pairs.push([pairsWithin[a]!, pairsWithin[b]!]);
  } else {
    for (const s of subjects) for (const o of objects) pairs.push([s, o]);
  }
  const tokens = view.sentence.tokens;
  // "Mastung, Balochistan,", "Puntland, northern Somalia": a punctuation cue joins two names the mark
  // itself separates, adjectives aside ("Khyber Pakhtunkhwa and Balochistan," are a list).
  const separated = (s: Mention, o: Mention) =>
    tokens[s.last + 1]?.text === tokens[cueFirst]!.text && tokens.slice(s.last + 2, o.first).every((t) => t.word && t.pos === 'ADJ');
  if (!tokens[cueFirst]!.word && pairs.some(([s, o]) => inList(view, s, o) || !separated(s, o))) return [];
  // "operatives based in Jalalabad and Kabul": where a place is wanted, a capital is the city.
  if (pattern.object.includes('place')) for (const pair of pairs) pair[1] = pair[1].asPlace ?? pair[1];
  // "…, with the Taliban regime facilitating their movement": the pronoun object of an absolute phrase is someone other than its agent.
  const absolute = withAgent(view, cueFirst);
  for (const pair of pairs)
    if (absolute && pair[0].id === absolute.id && pair[1].source === 'pronoun' && pair[1].id === pair[0].id) pair[1] = otherReferent(view, pair[1], pair[0].id, pattern.object) ?? pair[1];
  // "in its territory" is a place, "in its early years" is not.
  const placeWanted = pattern.object.includes('place');
  // "a commander in Patek near Akhtarabad": a locative right after a place says where that place is, not where the actor is.
  const prior = view.cover[cueFirst - 1];
  if (placeWanted && prior?.kind === 'place' && !pattern.subject.includes('place') && view.lexicon.words.locatives.has(tokens[cueFirst]!.norm)) return [];
  const negated = isNegated(view, cueFirst);
  return pairs
    // A group only implied by a role ("a senior commander") stands for nothing but that role.
    .filter(([s, o]) => s.id !== o.id && (pattern.type === 'MEMBER_OF' || (s.source !== 'implied' && o.source !== 'implied')))
    .filter(([, o]) => !placeWanted || o.source !== 'pronoun' || isTerritory(view, o))
    .map(([subject, object]) => ({
      pattern,
      subject,
      object,
      cueFirst,
      cueLast,
      distance: Math.max(wordsBetween(tokens, subject, cueFirst, cueLast), wordsBetween(tokens, object, cueFirst, cueLast)),
      negated,
    }));
}

/** "Interior Ministry spokesman", "Foreign Minister": a word of government in the title or just before it. */
function governmentTitle(view: SentenceView, cueFirst: number, cueLast: number): boolean {
  const tokens = view.sentence.tokens;
  for (let k = Math.max(0, cueFirst - 2); k <= cueLast; k++) if (tokens[k]!.word && view.lexicon.words.governmentWords.has(tokens[k]!.norm)) return true;
  return false;
}

/**
 * The person a title names when no organisation is in sight: right after the title ("Defence
 * Minister X"). A title in apposition ("X, the new foreign secretary") is not guessed: the
 * text is often about another state than the one the person serves.
 */
function titled(view: SentenceView, cueFirst: number, cueLast: number): Mention | undefined {
  const tokens = view.sentence.tokens;
  // "Defence Minister Mullah X": honorifics may stand between the title and the name.
  let at = cueLast + 1;
  while (at < cueLast + 3 && !view.cover[at] && tokens[at]?.word && tokens[at]!.cap && view.lexicon.personBefore.has(tokens[at]!.norm)) at++;
  const next = view.cover[at];
  if (next?.kind !== 'person' || next.first !== at) return undefined;
  // "Pakistani Prime Minister X", "the Taliban's interior minister X": someone is named just before.
  for (let k = cueFirst - 1; k >= Math.max(0, cueFirst - 3); k--) if (view.cover[k] || tokens[k]!.text === ',') return view.cover[k] ? undefined : next;
  return next;
}

/** The marks that pair two names before a noun ("Afghan-TTP", "India–Pakistan"). */
const PAIR_MARKS: ReadonlySet<string> = new Set(['-', '–', '/']);

/** The mention as one of `kinds`: a country held as a place is its government where only a state fits. */
function fitting(m: Mention, kinds: ActorKind[]): Mention | undefined {
  if (kinds.includes(m.kind)) return m;
  return m.asState && kinds.includes('state') ? m.asState : undefined;
}

const union = (a: ActorKind[], b: ActorKind[]) => [...new Set([...a, ...b])];

/** "ISKP, their main internal rival": a lone possessive pronoun pairs with the name it is in apposition to. */
function apposition(view: SentenceView, list: Mention[]): Mention[] {
  const [p] = list;
  if (list.length !== 1 || p!.source !== 'pronoun' || view.sentence.tokens[p!.first - 1]?.text !== ',') return list;
  const named = view.mentions.find((m) => m.last === p!.first - 2);
  return named ? [named, p!] : list;
}

/** The token after `word` (and a determiner) at `at`, or -1. */
function nextWord(tokens: Token[], at: number, word: string, determiners: ReadonlySet<string>): number {
  if (tokens[at]?.norm !== word) return -1;
  return determiners.has(tokens[at + 1]?.norm ?? '') ? at + 2 : at + 1;
}


/**
 * "ISIS-K kept clashing with the Taliban as both sides competed", "talks between Pakistan and
 * the Taliban after clashes between the two sides": "both sides" just before a symmetric cue
 * (`at` = the cue's first token) or just after it (`at` = the token after the cue) are the
 * two actors the sentence coordinated before it, else the last two it named.
 */
function bothSides(view: SentenceView, at: number, pattern: CompiledPattern): [Mention, Mention] | undefined {
  let [kinds, second] = isSymmetric(pattern.type) ? [union(pattern.subject, pattern.object), union(pattern.subject, pattern.object)] : [pattern.subject, pattern.object];
  const tokens = view.sentence.tokens;
  const fits = (words: string[], from: number) => words.every((w, n) => tokens[from + n]?.norm === w);
  let k = at - 1;
  while (k >= 0 && tokens[k]!.word && (tokens[k]!.norm.endsWith('ly') || tokens[k]!.pos === 'ADV' || view.lexicon.words.auxiliaries.has(tokens[k]!.norm))) k--;
  const before = view.lexicon.bothSides.find((words) => fits(words, k - words.length + 1));
  const after = before ? undefined : view.lexicon.bothSides.find((words) => fits(words, at));
  if (!before && !after) return undefined;
  const limit = before ? k - before.length + 1 : at;
  const head = (before ?? after)!.at(-1)!;
  // "the two countries" are states, "both groups" groups; "both sides" any two.
  const only = view.lexicon.pluralHeads.get(head);
  if (only) [kinds, second] = [kinds.filter((x) => only.includes(x)), second.filter((x) => only.includes(x))];
  // A pair the sentence coordinated ("between Pakistan and the Taliban") before any other two.
  for (let idx = view.mentions.length - 1; idx > 0; idx--) {
    const [a, b] = [view.mentions[idx - 1]!, view.mentions[idx]!];
    if (b.last < limit && kinds.includes(a.kind) && second.includes(b.kind) && b.first === nextWord(tokens, a.last + 1, 'and', view.lexicon.words.determiners)) return [a, b];
  }
  const pair: Mention[] = [];
  for (let idx = view.mentions.length - 1; idx >= 0 && pair.length < 2; idx--) {
    const m = view.mentions[idx]!;
    if (m.last < limit && (kinds.includes(m.kind) || second.includes(m.kind)) && !pair.some((p) => p.id === m.id)) pair.unshift(m);
  }
  // "… . First, both groups share deep ties": the two the text named last, before this sentence.
  if (pair.length === 0) {
    const phrase = before ? [limit, k] : [at, at + after!.length - 1];
    for (const e of view.earlier ?? [])
      if ((kinds.includes(e.kind) || second.includes(e.kind)) && pair.length < 2 && !view.mentions.some((m) => m.id === e.id))
        pair.unshift({ ...e, first: phrase[0]!, last: phrase[1]!, source: 'coreference' });
  }
  const [a, b] = pair;
  return a && b && kinds.includes(a.kind) && second.includes(b.kind) ? [a, b] : undefined;
}

/** How many words a message noun's sender may stand after it ("the warning issued last week by X"). */
const SENDER_REACH = 4;

/**
 * "The message delivered by X and Y was clear: Z must …": the senders of the message noun that
 * a colon before `at` opens, named by "by" or "from" after the noun.
 */
function senders(view: SentenceView, at: number, kinds: ActorKind[]): Mention[] {
  const tokens = view.sentence.tokens;
  let colon = at - 1;
  while (colon >= 0 && tokens[colon]!.text !== ':' && !view.cover[colon]) colon--;
  if (tokens[colon]?.text !== ':') return [];
  for (let k = 0; k < colon; k++) {
    if (!tokens[k]!.word || !view.lexicon.words.messageNouns.has(tokens[k]!.norm)) continue;
    for (let j = k + 1; j <= k + SENDER_REACH && j < colon; j++) {
      if (!['by', 'from'].includes(tokens[j]!.norm)) continue;
      const idx = view.mentions.findIndex((m) => m.first === skipWords(tokens, j + 1, 1, view.lexicon.words.determiners));
      const m = view.mentions[idx];
      return m && kinds.includes(m.kind) ? coordinated(view, idx, 1, kinds) : [];
    }
  }
  return [];
}

/** How far before its comma the antecedent of an object relative clause may end ("the Chitral raid of September 2023, which …"). */
const ANTECEDENT_REACH = 4;

/**
 * "the Chitral raid of September 2023, which the TTP carried out from Afghanistan": in an object
 * relative clause the cue's object is the name the clause hangs on.
 */
function relativeAntecedent(view: SentenceView, subject: Mention, kinds: ActorKind[]): Mention[] {
  const tokens = view.sentence.tokens;
  const k = skipWords(tokens, subject.first - 1, -1, view.lexicon.words.determiners);
  if (!['which', 'that'].includes(tokens[k]?.norm ?? '') || tokens[k - 1]?.text !== ',') return [];
  for (let j = k - 2; j >= Math.max(0, k - 1 - ANTECEDENT_REACH); j--) {
    const m = view.cover[j];
    if (m) return kinds.includes(m.kind) ? [m] : [];
  }
  return [];
}

/**
 * "Beijing, which is on good terms with both countries": "both …" right after the cue are the
 * last two actors of its kind named before the sentence, the subject aside.
 */
function bothSidesAfter(view: SentenceView, cueLast: number, kinds: ActorKind[], subjects: Mention[]): Mention[] {
  const tokens = view.sentence.tokens;
  const words = view.lexicon.bothSides.find((ws) => ws.every((w, n) => tokens[cueLast + 1 + n]?.norm === w));
  if (!words || subjects.length === 0) return [];
  const only = view.lexicon.pluralHeads.get(words.at(-1)!) ?? kinds;
  const [first, last] = [cueLast + 1, cueLast + words.length];
  const pair = (view.earlier ?? []).filter((e) => kinds.includes(e.kind) && only.includes(e.kind) && !subjects.some((s) => s.id === e.id)).slice(0, 2);
  return pair.length === 2 ? pair.map((e): Mention => ({ ...e, first, last, source: 'coreference' })) : [];
}

/** Does the sentence say "both sides", "the two countries"…? */
export function hasBothSides(tokens: Token[], lexicon: Lexicon): boolean {
  for (let i = 0; i < tokens.length; i++)
    if (lexicon.pluralHeads.has(tokens[i]!.norm) && lexicon.bothSides.some((words) => words.every((w, n) => tokens[i - words.length + 1 + n]?.norm === w))) return true;
  return false;
}

/** The pronoun a cue with a wildcard holds ("on its soil"), as the place wanted; undefined when it holds none. */
function heldOwner(view: SentenceView, pattern: CompiledPattern, cueFirst: number, cueLast: number): Mention[] | undefined {
  if (!pattern.cue.includes(WILDCARD) || !pattern.object.includes('place')) return undefined;
  for (let k = cueFirst + 1; k < cueLast; k++) {
    const m = view.cover[k];
    if (m?.source === 'pronoun') return pattern.object.includes(m.kind) || isTerritory(view, m) ? [m] : [];
  }
  return undefined;
}

/** "Pakistan's remote border regions": a territory noun within three words after the possessive at `s`. */
function ownsTerritory(view: SentenceView, s: number): boolean {
  const tokens = view.sentence.tokens;
  for (let k = s + 1; k <= s + 3 && tokens[k]?.word; k++) if (view.lexicon.words.territoryNouns.has(tokens[k]!.norm) || view.cover[k]) return true;
  return false;
}

/** "its territory", "their soil": a possessive pronoun that names a place. */
function isTerritory(view: SentenceView, pronoun: Mention): boolean {
  const tokens = view.sentence.tokens;
  for (let k = pronoun.last + 1; k <= pronoun.last + 3 && tokens[k]?.word; k++) if (view.lexicon.words.territoryNouns.has(tokens[k]!.norm)) return true;
  return false;
}

/** A punctuation cue joins exactly two names ("Mastung, Balochistan"), not the items of a list. */
function inList(view: SentenceView, s: Mention, o: Mention): boolean {
  const tokens = view.sentence.tokens;
  const glue = (t: Token | undefined) => !!t && (t.text === ',' || view.lexicon.words.conjunctions.has(t.norm));
  const starts = new Set(view.mentions.map((m) => m.first));
  const ends = new Set(view.mentions.map((m) => m.last));
  return (glue(tokens[s.first - 1]) && ends.has(s.first - 2)) || (glue(tokens[o.last + 1]) && starts.has(o.last + 2));
}

function wordsBetween(tokens: Token[], m: Mention, cueFirst: number, cueLast: number): number {
  const [from, to] = m.last < cueFirst ? [m.last + 1, cueFirst] : [cueLast + 1, m.first];
  let n = 0;
  for (let k = from; k < to; k++) if (tokens[k]!.word) n++;
  return n;
}

/** Punctuation and words that end the stretch an actor may be sought in. */
function isBoundary(tokens: Token[], k: number, lexicon: Lexicon): boolean {
  const t = tokens[k]!;
  if (t.word) return lexicon.clauseBreaks.has(t.norm);
  if (t.text === ';' || t.text === ':' || t.text === '—') return true;
  if (t.text === ',') {
    const next = tokens[k + 1];
    return !!next && lexicon.clauseOpeners.has(next.norm);
  }
  return false;
}

/** The 's the tokenizer splits off a word. */
const isPossessive = (t: Token | undefined): boolean => !!t && !t.word && t.norm === 's';


/** ", which …" hands the name written just before the comma to the relative clause. */
function isRelativeAfter(tokens: Token[], m: Mention, boundary: number, relatives: ReadonlySet<string>): boolean {
  // "the TTP (also called the Pakistani Taliban), which": a closing bracket may stand between.
  const gap = tokens[m.last + 1]?.text === ')' ? 2 : 1;
  return boundary === m.last + gap && tokens[boundary]!.text === ',' && relatives.has(tokens[boundary + 1]?.norm ?? '');
}


/**
 * An actor inside a prepositional phrase ("with the help of U.S. intelligence") is not the
 * agent of the verb, unless it is a possessor ("by Al-Qaida's growing presence").
 */
function inPrepositionalPhrase(view: SentenceView, m: Mention): boolean {
  const tokens = view.sentence.tokens;
  if (isPossessive(tokens[m.last + 1])) return false;
  const k = skipWords(tokens, m.first - 1, -1, view.lexicon.words.determiners);
  const t = tokens[k];
  return !!t && t.word && view.lexicon.prepositions.has(t.norm);
}

/** "the presence of foreign fighters": a name governed by "of". */
function ofPhrase(view: SentenceView, m: Mention): boolean {
  const k = skipWords(view.sentence.tokens, m.first - 1, -1, view.lexicon.words.determiners);
  return view.sentence.tokens[k]?.norm === 'of';
}

/** "an ISIS commander", "BLA commander Bashir Zeb": the name qualifies a person, who is the agent. */
function qualifiesPerson(view: SentenceView, m: Mention): boolean {
  const next = view.sentence.tokens[m.last + 1];
  return !!next?.word && m.kind !== 'person' && view.lexicon.personAfter.has(next.norm);
}

/**
 * The nearest eligible actor before `at` (and the list it heads). With `agentOnly`, actors in
 * prepositional phrases or qualifying a person are passed over.
 */
function before(view: SentenceView, at: number, kinds: ActorKind[], window: number, agentOnly: boolean): Mention[] {
  const tokens = view.sentence.tokens;
  const ms = view.mentions;
  let words = 0;
  let k = at - 1;
  for (let idx = ms.length - 1; idx >= 0; idx--) {
    const m = ms[idx]!;
    if (m.last >= at) continue;
    for (; k > m.last; k--) {
      if (isBoundary(tokens, k, view.lexicon)) {
        // The relative pronoun takes the whole list before it, in a prepositional phrase or not.
        return isRelativeAfter(tokens, m, k, view.lexicon.words.relatives) && kinds.includes(m.kind) ? coordinated(view, idx, -1, kinds, true) : [];
      }
      if (tokens[k]!.word && !view.aside[k]) words++;
    }
    if (words > window) return [];
    // "AQIS, al-Qaeda's branch in South Asia": the owner of the part does not act.
    const owner = isPartPossessor(tokens, m, view.lexicon);
    if (kinds.includes(m.kind) && !owner && !(agentOnly && (inPrepositionalPhrase(view, m) || qualifiesPerson(view, m))))
      return coordinated(view, idx, -1, kinds);
    k = m.first - 1;
  }
  return [];
}

/** The first eligible actor after `at` (and the list it heads); "Pakistan's ISI" gives the ISI. */
function after(view: SentenceView, at: number, kinds: ActorKind[], window: number): Mention[] {
  const tokens = view.sentence.tokens;
  const ms = view.mentions;
  let words = 0;
  let k = at + 1;
  const placeWanted = kinds.includes('place');
  // "in its fraught relationship with Kabul": a locative's object is its own phrase, not one further on.
  const locative = placeWanted && view.lexicon.words.locatives.has(tokens[at]!.norm);
  for (let idx = 0; idx < ms.length; idx++) {
    const m = ms[idx]!;
    if (m.first <= at) continue;
    for (; k < m.first; k++) {
      const t = tokens[k]!;
      // A relative clause after the cue is about someone else: "the former Emir who gave X sanctuary".
      if (isBoundary(tokens, k, view.lexicon) || view.lexicon.words.relativeOpeners.has(t.norm)) return [];
      if (verbWithOwnObject(view, k, m)) return [];
      // "Their ability to fund operations …, provides them with": past the main verb, a name is its object, not the cue's.
      if (k > at + 1 && t.pos === 'VERB' && tokens[k - 1]!.text === ',' && t.norm.endsWith('s')) return [];
      if (locative && k > at + 1 && t.norm !== 'of' && view.lexicon.prepositions.has(t.norm)) return [];
      // "hosted a round of talks between Pakistan and the Taliban": who takes part in a meeting is not its object.
      if (view.lexicon.words.meetingNouns.has(t.norm)) return [];
      if (t.word && ++words > window) return [];
    }
    if (words > window) return [];
    const possessed = ms[idx + 1];
    if (possessed && possessed.first === m.last + 2 && isPossessive(tokens[m.last + 1]) && kinds.includes(possessed.kind)) {
      // "Pakistan's border regions": a place of a place is in both.
      const both = possessed.kind === 'place' && kinds.includes(m.kind) && (m.kind === 'place' || m.kind === 'state');
      return both ? [m, ...coordinated(view, idx + 1, 1, kinds)] : coordinated(view, idx + 1, 1, kinds);
    }
    // "in the Taliban's eyes": where a place is wanted, a possessor is one only of its territory ("in Pakistan's border regions").
    const notWhere = placeWanted && isPossessive(tokens[m.last + 1]) && !ownsTerritory(view, m.last + 1);
    if (kinds.includes(m.kind) && !notWhere) return particularly(view, coordinated(view, idx, 1, kinds), kinds);
    k = m.last + 1;
  }
  return [];
}


/**
 * "to plan, train, and launch attacks inside Pakistan": a verb coordinated after the cue that
 * takes an object of its own ends the cue's reach; "funds and trains the TTP" shares its object.
 */
function verbWithOwnObject(view: SentenceView, k: number, m: Mention): boolean {
  const tokens = view.sentence.tokens;
  if (!view.lexicon.words.conjunctions.has(tokens[k]!.norm) || tokens[k + 1]?.pos !== 'VERB') return false;
  const next = view.lexicon.words.determiners.has(tokens[k + 2]?.norm ?? '') ? k + 3 : k + 2;
  return m.first !== next;
}

/** "Afghanistan's eastern regions, particularly Nangarhar and neighboring Kunar": the named parts join the list. */
function particularly(view: SentenceView, list: Mention[], kinds: ActorKind[]): Mention[] {
  const tokens = view.sentence.tokens;
  const ms = view.mentions;
  let k = list.at(-1)!.last + 1;
  for (let words = 0; k < tokens.length && tokens[k]!.text !== ',' && words < 4; k++) {
    if (isPossessive(tokens[k])) continue;
    if (!tokens[k]!.word || view.cover[k]) return list;
    words++;
  }
  if (tokens[k]?.text !== ',' || !view.lexicon.words.particularly.has(tokens[k + 1]?.norm ?? '')) return list;
  const idx = ms.findIndex((m) => m.first === k + 2);
  if (idx === -1 || !kinds.includes(ms[idx]!.kind)) return list;
  const parts = coordinated(view, idx, 1, kinds);
  return [...list, ...parts.filter((m) => !list.some((l) => l.id === m.id))];
}


/**
 * The mention at `idx` and those listed with it ("TTP, Al-Qaida, and ISIS-K"), in text order.
 * A list needs a conjunction, and an actor in a prepositional phrase does not join one
 * leftwards ("According to the UN, Al-Qaeda…").
 */
function coordinated(view: SentenceView, idx: number, step: 1 | -1, kinds: ActorKind[], antecedent = false): Mention[] {
  const tokens = view.sentence.tokens;
  const ms = view.mentions;
  const list = [ms[idx]!];
  // "the TTP, BLA, TIP and other actors": the conjunction may follow the last name.
  let conjoined = step === -1 && view.lexicon.words.conjunctions.has(tokens[ms[idx]!.last + 1]?.norm ?? '');
  for (let j = idx + step; j >= 0 && j < ms.length; j += step) {
    const [left, right] = step === 1 ? [list.at(-1)!, ms[j]!] : [ms[j]!, list.at(-1)!];
    let glued = right.first > left.last + 1;
    // "ties to all the major powers, from the United States to Russia and China": a range set off by a comma lists its ends.
    if (step === 1 && list.length === 1 && isRange(view, left, right)) {
      list.push(right);
      conjoined = true;
      continue;
    }
    for (let k = left.last + 1; k < right.first && glued; k++) {
      glued = view.lexicon.words.listGlue.has(tokens[k]!.norm);
      if (view.lexicon.words.conjunctions.has(tokens[k]!.norm)) conjoined = true;
    }
    if (!glued || !kinds.includes(ms[j]!.kind) || (step === -1 && !antecedent && inPrepositionalPhrase(view, ms[j]!))) break;
    list.push(ms[j]!);
  }
  // "in Iraq, Turkey, Kenya and elsewhere": a list may close on a word that names no one.
  const end = list.at(-1)!.last;
  if (step === 1 && list.length > 1 && view.lexicon.words.conjunctions.has(tokens[end + 1]?.norm ?? '') && view.lexicon.words.listClosers.has(tokens[end + 2]?.norm ?? '')) conjoined = true;
  if (!conjoined) return [ms[idx]!];
  return step === 1 ? list : list.reverse();
}

/** ", from A to B": A opens a range after a comma and B closes it, with only an article between. */
function isRange(view: SentenceView, a: Mention, b: Mention): boolean {
  const tokens = view.sentence.tokens;
  const { determiners } = view.lexicon.words;
  let k = a.first - 1;
  if (determiners.has(tokens[k]?.norm ?? '')) k--;
  if (tokens[k]?.norm !== 'from' || tokens[k - 1]?.text !== ',') return false;
  let j = b.first - 1;
  if (determiners.has(tokens[j]?.norm ?? '')) j--;
  return tokens[j]?.norm === 'to' && j === a.last + 1;
}

/** The verb a means phrase just before the cue ("through operations in") qualifies, within its clause. */
function instrumentalVerb(view: SentenceView, cueFirst: number): number | undefined {
  const tokens = view.sentence.tokens;
  let at = cueFirst - 1;
  if (view.lexicon.words.possessives.has(tokens[at]?.norm ?? '')) at--;
  if (!view.lexicon.words.instrumentals.has(tokens[at]?.norm ?? '')) return undefined;
  for (let k = at - 1; k >= 0 && k >= at - 12; k--) {
    if (isBoundary(tokens, k, view.lexicon)) return undefined;
    if (tokens[k]!.pos === 'VERB') return k;
  }
  return undefined;
}

/**
 * The agent of a verb cue: the nearest eligible actor before it, except that a participle
 * after a comma (", accusing it of …") and a verb coordinated with an earlier one ("… and
 * sends fighters to Syria") take the sentence's subject.
 */
function agentBefore(view: SentenceView, cueFirst: number, kinds: ActorKind[], window: number, agentOnly: boolean, cueLast = cueFirst): Mention[] {
  const tokens = view.sentence.tokens;
  // "embedding itself in Afghanistan": a reflexive in the cue is its agent.
  for (let k = cueFirst; k <= cueLast; k++) {
    const m = view.cover[k];
    if (m?.source === 'pronoun' && /sel(?:f|ves)$/.test(tokens[k]!.norm)) return kinds.includes(m.kind) ? [m] : [];
  }
  // "X funds Y through its operations in Z": the means are the agent's of the verb the phrase qualifies.
  // "… through operations in Z": a bare preposition after the means noun qualifies the means too.
  const means = view.lexicon.prepositions.has(tokens[cueFirst]!.norm) && cueLast === cueFirst && tokens[cueFirst - 1]?.pos === 'NOUN' ? cueFirst - 1 : cueFirst;
  const verb = instrumentalVerb(view, means);
  if (verb !== undefined) return agentBefore(view, verb, kinds, window, true);
  if (isParticipleClause(tokens, cueFirst) || isCoordinatedVerb(tokens, cueFirst)) {
    const main = sentenceSubject(view, cueFirst);
    return main && kinds.includes(main.kind) ? [main] : [];
  }
  // "a TTP recruitment drive", "the army crackdown": a name modifying a cue noun is its agent, inside a prepositional phrase too.
  const modifier = view.cover[cueFirst - 1];
  if (modifier && tokens[cueFirst]!.pos === 'NOUN' && kinds.includes(modifier.kind) && modifier.source !== 'pronoun') return [modifier];
  // "the re-emergence of foreign fighters in Pakistan": a prepositional cue describes the name just before it, wherever that name stands.
  if (modifier && view.lexicon.prepositions.has(tokens[cueFirst]!.norm) && kinds.includes(modifier.kind) && modifier.source !== 'pronoun' && ofPhrase(view, modifier))
    return [modifier];
  const absolute = withAgent(view, cueFirst);
  if (absolute) return kinds.includes(absolute.kind) ? [absolute] : [];
  const near = before(view, cueFirst, kinds, window, agentOnly);
  const controller = near.length > 0 ? subjectControl(view, near[0]!, cueFirst) : undefined;
  if (controller) return kinds.includes(controller.kind) ? [controller] : [];
  // "This would highlight Afghanistan's failure to meet its obligations and build pressure on …": in a
  // sentence that goes on about the previous one, an owner inside an object is not the agent of a later verb.
  const owner = near.length === 1 && isHeldPossessive(view, near[0]!, cueFirst) ? anaphoricSubject(view, cueFirst, near[0]) : undefined;
  if (owner) return kinds.includes(owner.kind) ? [owner] : [];
  if (near.length > 0) return [...near, ...coAgents(view, near.at(-1)!.last, cueFirst, kinds)];
  if (near.length === 0) {
    const main = openingClauseSubject(view, cueFirst) ?? anaphoricSubject(view, cueFirst);
    if (main) return kinds.includes(main.kind) ? [main] : [];
  }
  // "it imposed a fee on Afghan imports … to pressure the Taliban": an infinitive of purpose
  // with no agent near it is done by the clause's subject.
  if (near.length === 0 && tokens[cueFirst - 1]?.norm === 'to' && tokens[cueFirst]!.word) {
    const main = view.mentions.find((m) => m.last < cueFirst && !inPrepositionalPhrase(view, m));
    if (main && kinds.includes(main.kind) && !crossesClause(view, main.last, cueFirst)) return [main];
  }
  return near;
}


/**
 * "the Taliban use the TTP to maintain leverage against Pakistan": an infinitive between the
 * object of a verb and the cue is done by that verb's subject, unless the verb hands the
 * action to its object ("Pakistan urged the Taliban to act against the TTP"). The subject, or
 * undefined when the nearest actor stands.
 */
function subjectControl(view: SentenceView, object: Mention, cueFirst: number): Mention | undefined {
  const tokens = view.sentence.tokens;
  // "use the TTP to maintain …", not "U.S. plans to draw down …" (the infinitive belongs to the noun).
  if (tokens[object.last + 1]?.norm !== 'to' || tokens[object.last + 2]?.pos !== 'VERB' || object.last + 2 >= cueFirst) return undefined;
  const v = skipWords(tokens, object.first - 1, -1, view.lexicon.words.determiners);
  const verb = tokens[v];
  // The tagger may read a verb right after its subject as a noun ("the Taliban use the TTP").
  const isVerb = verb?.word && (verb.pos === 'VERB' || (!!view.cover[v - 1] && !view.lexicon.prepositions.has(verb.norm)));
  if (!isVerb || view.lexicon.words.objectControl.has(verb.stem)) return undefined;
  const main = sentenceSubject(view, object.first);
  return main && main.id !== object.id && !crossesClause(view, main.last, cueFirst) ? main : undefined;
}

/**
 * "Pakistani authorities, with the assistance of U.S. intelligence, arrested …": the helper
 * named between the agent and the verb acts too.
 */
function coAgents(view: SentenceView, from: number, to: number, kinds: ActorKind[]): Mention[] {
  const tokens = view.sentence.tokens;
  return view.mentions.filter(
    (m) =>
      m.first > from &&
      m.last < to &&
      kinds.includes(m.kind) &&
      tokens[m.first - 1]?.norm === 'of' &&
      view.lexicon.words.helpNouns.has(tokens[m.first - 2]?.norm ?? '') &&
      tokens[m.first - 3]?.norm === 'the' &&
      tokens[m.first - 4]?.norm === 'with',
  );
}

/** The actor a pronoun points back to when it cannot be `not`: the last other one the sentence named before it, of the kinds wanted. */
function otherReferent(view: SentenceView, pronoun: Mention, not: string, kinds: ActorKind[]): Mention | undefined {
  for (let idx = view.mentions.length - 1; idx >= 0; idx--) {
    const m = view.mentions[idx]!;
    if (m.last < pronoun.first && m.id !== not && m.source !== 'pronoun' && kinds.includes(m.kind)) return { ...pronoun, id: m.id, kind: m.kind };
  }
  return undefined;
}

/** How many words (adverbs, a head noun) may stand between the agent of an absolute phrase and its participle. */
const ABSOLUTE_GAP = 3;

/**
 * "with the Taliban regime actively facilitating their movement": in an absolute phrase the
 * name after "with" is the agent of the participle that follows it.
 */
function withAgent(view: SentenceView, cueFirst: number): Mention | undefined {
  const tokens = view.sentence.tokens;
  if (!tokens[cueFirst]!.norm.endsWith('ing') || tokens[cueFirst]!.pos !== 'VERB') return undefined;
  let k = cueFirst - 1;
  for (let gap = 0; k >= 0 && !view.cover[k] && gap < ABSOLUTE_GAP; k--, gap++) {
    const t = tokens[k]!;
    if (!t.word || !(t.pos === 'ADV' || t.pos === 'NOUN')) return undefined;
  }
  const m = view.cover[k];
  if (!m || m.source === 'pronoun') return undefined;
  const w = skipWords(tokens, m.first - 1, -1, view.lexicon.words.determiners);
  return tokens[w]?.norm === 'with' ? m : undefined;
}

/**
 * "Pakistan should share the evidence. This would … build pressure on the Taliban": a sentence
 * opened by "This" or "Such" goes on about what the previous one said, and its agent-less cue is
 * done by that sentence's subject.
 */
function anaphoricSubject(view: SentenceView, cueFirst: number, passedOver?: Mention): Mention | undefined {
  const tokens = view.sentence.tokens;
  if (!view.previous || !view.lexicon.words.anaphoricOpeners.has(tokens[0]?.norm ?? '') || !tokens[0]!.cap) return undefined;
  if (view.mentions.some((m) => m !== passedOver && m.last < cueFirst && AGENTS_AND_PEOPLE.has(m.kind))) return undefined;
  return { ...view.previous, first: 0, last: 0, source: 'coreference' };
}

const AGENTS_AND_PEOPLE: ReadonlySet<ActorKind> = new Set(['group', 'state', 'organization', 'person']);

/** "meet its obligations": a possessive pronoun after a verb, owning a noun that is not the cue. */
function isHeldPossessive(view: SentenceView, m: Mention, cueFirst: number): boolean {
  const tokens = view.sentence.tokens;
  return m.source === 'pronoun' && view.lexicon.words.possessives.has(tokens[m.first]!.norm) && m.last + 1 < cueFirst && tokens[m.first - 1]?.pos === 'VERB';
}

/** How far into a sentence the participle of an opening clause may stand ("Despite breaking …"). */
const OPENING_PARTICIPLE_AT = 3;

/**
 * "Mainly comprising defectors from the TTP, the ISKP came into existence in 2015": a cue in a
 * participle clause that opens the sentence is done by the subject of the main clause, the
 * name just after the clause's comma.
 */
function openingClauseSubject(view: SentenceView, cueFirst: number): Mention | undefined {
  const tokens = view.sentence.tokens;
  let p = 0;
  while (p < OPENING_PARTICIPLE_AT && tokens[p] && !(tokens[p]!.pos === 'VERB' && /(?:ing|ed)$/.test(tokens[p]!.norm))) p++;
  if (p === OPENING_PARTICIPLE_AT || p > cueFirst) return undefined;
  let comma = 0;
  while (comma < tokens.length && tokens[comma]!.text !== ',') comma++;
  if (comma < cueFirst) return undefined;
  const k = skipWords(tokens, comma + 1, 1, view.lexicon.words.determiners);
  const main = view.cover[k];
  return main && main.first === k && main.source !== 'pronoun' ? main : undefined;
}

/** Is there a clause boundary between tokens `from` and `to`? */
function crossesClause(view: SentenceView, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (isBoundary(view.sentence.tokens, k, view.lexicon)) return true;
  return false;
}

/** "… and was supported by": a passive auxiliary right after "and". */
function isCoordinatedPassive(view: SentenceView, cueFirst: number): boolean {
  const tokens = view.sentence.tokens;
  let k = cueFirst - 1;
  let auxiliaries = 0;
  while (k >= 0 && tokens[k]!.word && (tokens[k]!.pos === 'AUX' || tokens[k]!.norm.endsWith('ly'))) (k--, auxiliaries++);
  return auxiliaries > 0 && tokens[k]?.norm === 'and';
}

/** "… and operates in", "… and sends fighters to": a verb right after "and" shares the clause's subject. */
function isCoordinatedVerb(tokens: Token[], at: number): boolean {
  const t = tokens[at]!;
  if (!t.word || !/(?:s|ed)$/.test(t.norm) || t.cap || (t.pos !== undefined && t.pos !== 'VERB')) return false;
  let k = at - 1;
  while (k >= 0 && tokens[k]!.word && tokens[k]!.norm.endsWith('ly')) k--;
  return tokens[k]?.norm === 'and';
}

/** ", accusing …", ", reportedly killing …": a participle opening a clause after a comma. */
export function isParticipleClause(tokens: Token[], at: number): boolean {
  if (!tokens[at]!.norm.endsWith('ing')) return false;
  let k = at - 1;
  while (k >= 0 && tokens[k]!.word && tokens[k]!.norm.endsWith('ly')) k--;
  return tokens[k]?.text === ',';
}

/** The first actor of the sentence that is not inside a prepositional phrase. */
export function sentenceSubject(view: SentenceView, before: number): Mention | undefined {
  return view.mentions.find((m) => m.last < before && m.source !== 'pronoun' && !inPrepositionalPhrase(view, m));
}

/** "did not attack", "no longer exists": a negation within three words before the cue. */
function isNegated(view: SentenceView, cueFirst: number): boolean {
  const tokens = view.sentence.tokens;
  for (let k = Math.max(0, cueFirst - 4); k < cueFirst; k++) {
    const t = tokens[k]!;
    if (t.word && /n['’]t$/i.test(t.text)) return true;
    for (const cue of view.lexicon.negations) {
      const last = matchCue(tokens, k, cue);
      if (last !== -1 && last < cueFirst) return true;
    }
  }
  return false;
}
