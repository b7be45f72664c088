/**
 * The extraction lexicon (lexicon.yaml beside this file): its schema, and its compiled form,
 * cue phrases as stem sequences ready for matching.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ActorKind, Certainty, MemberRole, RelationType, SIGNATURES, SupportMode } from '../../domain/index.ts';
import { InvalidInput } from '../../errors.ts';
import { parseYaml } from '../yaml-file.ts';
import { normWord, stem, WILDCARD } from './text.ts';

const Kinds = z.array(ActorKind).min(1);
const Words = z.array(z.string().min(1)).min(1);

export const Frame = z.enum(['active', 'reverse', 'before', 'after', 'within', 'compound', 'names', 'pair']);
export type Frame = z.infer<typeof Frame>;

const RelationPattern = z
  .object({
    frame: Frame,
    cues: Words,
    subject: Kinds.optional(),
    object: Kinds.optional(),
    mode: z.array(SupportMode).min(1).optional(),
    role: MemberRole.optional(),
    claimed: z.boolean().optional(),
    certainty: Certainty.optional(),
    weight: z.number().min(0).max(1).default(0.6),
    window: z.number().int().min(1).max(40).default(10),
    nominal: z.boolean().default(false),
    verb: z.boolean().default(false),
    government: z.boolean().default(false),
  })
  .strict();

// An entry's kinds narrow its type's signature (server/domain/signatures.ts); by default they are the signature.
const RelationEntry = z.object({ subject: Kinds.optional(), object: Kinds.optional(), patterns: z.array(RelationPattern).min(1) }).strict();

export const Attribution = z.enum(['before', 'after', 'cue', 'none']);
export type Attribution = z.infer<typeof Attribution>;
const CertaintyCues = z.array(z.object({ cues: Words, attribution: Attribution }).strict()).min(1);

export const LexiconFile = z
  .object({
    // A record keyed by the enum: every relation type must have its patterns.
    relations: z.record(RelationType, RelationEntry),
    certainty: z
      .object({ denied: CertaintyCues, alleged: CertaintyCues, speculative: CertaintyCues, reported: CertaintyCues })
      .strict(),
    modes: z.record(SupportMode, Words),
    negations: Words,
    nameConnectors: Words,
    notNames: Words,
    kindCues: z
      .object({
        inName: z.object({ group: Words, organization: Words, place: Words, state: Words }).strict(),
        personBefore: Words,
        placeAfter: Words,
        personAfter: Words,
        impliedRoles: Words,
        groupAfter: Words,
        nameHeads: Words,
      })
      .strict(),
    coreference: z.object({ group: Words, state: Words, event: Words, place: Words }).strict(),
    eventNouns: z.array(Words).min(1),
    pronouns: Words,
    namePrefixes: Words,
    demonyms: z.record(z.string().min(1), z.string().min(1)),
    prepositions: Words,
    clauseBreaks: Words,
    clauseOpeners: Words,
    abbreviations: Words,
    // The head nouns of "both …" / "the two …" phrases, and the kinds each may point back to.
    pluralHeads: z.record(z.string().min(1), Kinds),
    functionWords: z
      .object({
        determiners: Words,
        eventDeterminers: Words,
        nounPhraseBreaks: Words,
        locatives: Words,
        relatives: Words,
        relativeOpeners: Words,
        particularly: Words,
        listGlue: Words,
        partNouns: Words,
        territoryNouns: Words,
        conjunctions: Words,
        helpNouns: Words,
        auxiliaries: Words,
        nounPhraseStops: Words,
        objectControl: Words,
        governmentWords: Words,
        governmentNouns: Words,
        obligations: Words,
        messageNouns: Words,
        parentMarks: Words,
        meetingNouns: Words,
        anaphoricOpeners: Words,
        possessives: Words,
        bothSides: Words,
        instrumentals: Words,
        listClosers: Words,
      })
      .strict(),
  })
  .strict();
export type LexiconFile = z.infer<typeof LexiconFile>;

/** A cue phrase as stems; `WILDCARD` stands for up to three words, punctuation cues stay as typed. */
export type Cue = string[];

export interface CompiledPattern {
  type: RelationType;
  frame: Frame;
  cue: Cue;
  subject: ActorKind[];
  object: ActorKind[];
  mode?: SupportMode[];
  role?: MemberRole;
  claimed?: boolean;
  certainty?: Certainty;
  weight: number;
  window: number;
  nominal: boolean;
  /** The cue is a verb: it never matches a noun after its article. */
  verb: boolean;
  /** A country held as a place may be its subject, as its government ("Afghanistan became a haven for X"). */
  government: boolean;
}

export type HedgeClass = Exclude<Certainty, 'asserted'>;
export interface CompiledHedge {
  certainty: HedgeClass;
  cue: Cue;
  attribution: Attribution;
}

export interface Lexicon {
  patterns: CompiledPattern[];
  /** Hedges by the stem of their first word. */
  hedges: Map<string, CompiledHedge[]>;
  /** Word beginnings that name a SUPPORTS mode. */
  modes: Array<[string, SupportMode]>;
  /** Multi-word lists as cues; single-word lists as sets of normalised words. */
  negations: Cue[];
  /** Coreference phrases by the stem of their first word. */
  coreference: Map<string, Array<{ kind: ActorKind; cue: Cue }>>;
  pronouns: Set<string>;
  nameConnectors: Set<string>;
  notNames: Set<string>;
  inName: Map<string, ActorKind>;
  personBefore: Set<string>;
  placeAfter: Set<string>;
  personAfter: Set<string>;
  /** Roles in apposition to a person that, naming no one, are roles in the group the text is about. */
  impliedRoles: Set<string>;
  groupAfter: Set<string>;
  /** Nouns after an unknown name that belong to it ("the Al-Noor office"); inName gives the kind they make. */
  nameHeads: Set<string>;
  namePrefixes: Set<string>;
  demonyms: Map<string, string>;
  /** Stems of nouns that name an event ("bombing", "attack"), each with the stems of its near-synonyms. */
  eventNouns: Map<string, Set<string>>;
  prepositions: Set<string>;
  clauseBreaks: Set<string>;
  clauseOpeners: Set<string>;
  abbreviations: Set<string>;
  /** The function-word lists, each as a set of normalised words (punctuation as typed). */
  words: Record<Exclude<keyof LexiconFile['functionWords'], 'bothSides'>, ReadonlySet<string>>;
  /** "both sides", "the two countries", as word sequences. */
  bothSides: string[][];
  /** The head nouns of those phrases ("countries", "groups", "sides") and the kinds they name. */
  pluralHeads: Map<string, ActorKind[]>;
}

/** Words split at spaces and hyphens: "attack on" → ['attack', 'on']; "impose * fee on" → ['impos', '*', 'fee', 'on']; "," stays ",". */
export function compileCue(phrase: string): Cue {
  return phrase
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => (w === WILDCARD ? WILDCARD : /^[\p{L}\p{N}]/u.test(w) ? stem(normWord(w)) : w));
}

/** Each word's stem with the stems of every set it is in. */
function synonyms(sets: string[][]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const set of sets) {
    const stems = set.map((w) => stem(normWord(w)));
    for (const s of stems) map.set(s, new Set([...(map.get(s) ?? []), ...stems]));
  }
  return map;
}

const words = (list: string[]) => new Set(list.map(normWord));

export function compileLexicon(file: LexiconFile): Lexicon {
  const patterns: CompiledPattern[] = [];
  for (const type of RelationType.options) {
    const entry = file.relations[type];
    const signature = SIGNATURES[type];
    for (const p of entry.patterns) {
      const subject = p.subject ?? entry.subject ?? [...signature.subject];
      const object = p.object ?? entry.object ?? [...signature.object];
      const outside = [...subject.filter((k) => !signature.subject.includes(k)), ...object.filter((k) => !signature.object.includes(k))];
      if (outside.length > 0) throw new InvalidInput(`lexicon: a ${type} pattern (${p.cues[0]}) allows ${outside.join(', ')}, outside the ${type} signature`);
      for (const cue of p.cues)
        patterns.push({
          type,
          frame: p.frame,
          cue: compileCue(cue),
          subject,
          object,
          ...(p.mode ? { mode: p.mode } : {}),
          ...(p.role ? { role: p.role } : {}),
          ...(p.claimed !== undefined ? { claimed: p.claimed } : {}),
          ...(p.certainty ? { certainty: p.certainty } : {}),
          weight: p.weight,
          window: p.window,
          nominal: p.nominal,
          verb: p.verb,
          government: p.government,
        });
    }
  }
  const hedges = new Map<string, CompiledHedge[]>();
  for (const certainty of ['denied', 'alleged', 'speculative', 'reported'] as const)
    for (const group of file.certainty[certainty])
      for (const phrase of group.cues) {
        const cue = compileCue(phrase);
        hedges.set(cue[0]!, [...(hedges.get(cue[0]!) ?? []), { certainty, cue, attribution: group.attribution }]);
      }
  const coreference = new Map<string, Array<{ kind: ActorKind; cue: Cue }>>();
  for (const kind of ['group', 'state', 'event', 'place'] as const)
    for (const phrase of file.coreference[kind]) {
      const cue = compileCue(phrase);
      coreference.set(cue[0]!, [...(coreference.get(cue[0]!) ?? []), { kind, cue }]);
    }

  const { bothSides, ...lists } = file.functionWords;
  const wordSets = {} as Lexicon['words'];
  for (const [list, ws] of Object.entries(lists) as Array<[keyof Lexicon['words'], string[]]>) wordSets[list] = list === 'objectControl' ? new Set(ws.map((w) => stem(normWord(w)))) : words(ws);
  const inName = new Map<string, ActorKind>();
  for (const kind of ['place', 'state', 'organization', 'group'] as const) for (const w of file.kindCues.inName[kind]) inName.set(normWord(w), kind);
  return {
    patterns,
    hedges,
    modes: SupportMode.options.flatMap((mode) => file.modes[mode].map((w): [string, SupportMode] => [normWord(w), mode])),
    negations: file.negations.map(compileCue),
    coreference,
    pronouns: words(file.pronouns),
    nameConnectors: words(file.nameConnectors),
    notNames: new Set(file.notNames),
    inName,
    personBefore: words(file.kindCues.personBefore),
    placeAfter: words(file.kindCues.placeAfter),
    personAfter: words(file.kindCues.personAfter),
    impliedRoles: words(file.kindCues.impliedRoles),
    groupAfter: words(file.kindCues.groupAfter),
    nameHeads: words(file.kindCues.nameHeads),
    namePrefixes: words(file.namePrefixes),
    demonyms: new Map(Object.entries(file.demonyms)),
    eventNouns: synonyms(file.eventNouns),
    prepositions: words(file.prepositions),
    clauseBreaks: words(file.clauseBreaks),
    clauseOpeners: words(file.clauseOpeners),
    abbreviations: new Set(file.abbreviations.map((a) => a.split('.').at(-1)!.toLowerCase())),
    words: wordSets,
    bothSides: bothSides.map((p) => p.split(' ').map(normWord)),
    pluralHeads: new Map(Object.entries(file.pluralHeads).map(([w, kinds]) => [normWord(w), kinds])),
  };
}

export const LEXICON_PATH = fileURLToPath(new URL('./lexicon.yaml', import.meta.url));

/** Reads and validates a lexicon file; throws InvalidInput naming the file and line. */
export function loadLexicon(path: string = LEXICON_PATH): Lexicon {
  const parsed = parseYaml(path, readFileSync(path, 'utf8'), LexiconFile);
  if (!parsed.value) throw parsed.problems[0] ?? new InvalidInput(`${path}: not a lexicon`, { file: path });
  return compileLexicon(parsed.value);
}

let cached: Lexicon | undefined;
/** The shipped lexicon, read once. */
export function defaultLexicon(): Lexicon {
  cached ??= loadLexicon();
  return cached;
}
