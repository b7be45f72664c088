/**
 * What a reader knows while reading one document: the mentions a sentence holds, the acronyms
 * the text defined, the actors it introduced, the last actor of each kind and the state or
 * group it is about.
 */
import type { Actor, ActorKind } from '../../domain/index.ts';
import { type AliasIndex, normalizeName, slugName } from '../alias-index.ts';
import type { Lexicon } from './lexicon.ts';

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
  /** An event named by the verb that tells it ("arrested X" for the gazetteer's "arrest of X"). */
  verbal?: boolean;
  /** A country held as a place, as the state that governs it: where only a state fits ("the Afghan-TTP connection"). */
  asState?: Mention;
  /** A state named by its capital ("Kabul"), read as the city where a place is wanted. */
  asPlace?: Mention;
}

/** What a document has taught the reader so far: acronyms, new actors, the last actor of each kind. */
const RECENT = 6;
/** How many recent states and groups compete to be the one the text is about. */
const TOPICS = 3;

/** How many answers a gazetteer's cache of places keeps before it starts again. */
const MAX_CACHED = 10_000;

/**
 * What the gazetteer answers does not change from one document to the next while it keeps its
 * actors: the place a surface names is looked up once per gazetteer and lexicon.
 */
const placeCaches = new WeakMap<AliasIndex, { size: number; lexicon: Lexicon; places: Map<string, string | undefined> }>();
function placesOf(index: AliasIndex, lexicon: Lexicon): Map<string, string | undefined> {
  let cache = placeCaches.get(index);
  if (!cache || cache.size !== index.size || cache.lexicon !== lexicon) placeCaches.set(index, (cache = { size: index.size, lexicon, places: new Map() }));
  return cache.places;
}

/** The state governing each country place, per gazetteer and lexicon. */
const governmentCaches = new WeakMap<AliasIndex, { size: number; lexicon: Lexicon; states: Map<string, string | undefined> }>();

/** The words of an actor's names, once per actor record. */
const nameWordsOf = new WeakMap<Actor, ReadonlySet<string>>();

export class DocumentContext {
  /** Short forms the text taught: acronyms it defined ("TTP") and surnames of people it named ("Qadir"), as written. */
  readonly acronyms = new Map<string, string>();
  readonly discovered = new Map<string, Actor>();
  /** Short forms the text wrote hyphened into a branch's name ("ISIS" of "ISIS-K"), and that branch. */
  readonly branches = new Map<string, string>();
  /** Parents the text set apart from their branches ("IS Central"). */
  readonly setApart = new Set<string>();
  /** The last few distinct actors of each kind, the most recent first. */
  private readonly recentOfKind = new Map<ActorKind, string[]>();
  /** The last few distinct agents (groups, states, organisations), the most recent first. */
  private agents: Array<{ id: string; kind: ActorKind }> = [];
  /** The last few distinct states and groups, the most recent first, and how often each was named. */
  private topics: Array<{ id: string; kind: ActorKind }> = [];
  private readonly named = new Map<string, number>();
  /** The agent the last sentence was about: its grammatical subject, where it had one. */
  subject: { id: string; kind: ActorKind } | undefined;

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
      this.agents = [{ id: m.id, kind: m.kind }, ...this.agents.filter((a) => a.id !== m.id)].slice(0, RECENT);
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

  /** The place "Kabul city" or "Kurram district" names, for the surface "Kabul". */
  placeNamed(surface: string): string | undefined {
    const places = placesOf(this.index, this.lexicon);
    if (places.has(surface)) return places.get(surface);
    let id: string | undefined;
    for (const noun of this.lexicon.placeAfter) {
      const r = this.index.resolve(`${surface} ${noun}`);
      if (r.ok && this.index.get(r.id)?.kind === 'place') {
        id = r.id;
        break;
      }
    }
    if (places.size >= MAX_CACHED) places.clear();
    places.set(surface, id);
    return id;
  }

  /**
   * The state that governs a country the gazetteer holds as a place: the one named by the
   * country's adjective and a noun of government ("Afghan government" for Afghanistan).
   */
  governmentOf(placeId: string): string | undefined {
    let cache = governmentCaches.get(this.index);
    if (!cache || cache.size !== this.index.size || cache.lexicon !== this.lexicon) governmentCaches.set(this.index, (cache = { size: this.index.size, lexicon: this.lexicon, states: new Map() }));
    if (cache.states.has(placeId)) return cache.states.get(placeId);
    let id: string | undefined;
    for (const [adjective, country] of this.lexicon.demonyms) {
      const place = this.index.resolve(country);
      if (!place.ok || place.id !== placeId) continue;
      for (const noun of this.lexicon.words.governmentNouns) {
        const r = this.index.resolve(`${adjective} ${noun}`);
        if (r.ok && this.index.get(r.id)?.kind === 'state') id ??= r.id;
      }
    }
    cache.states.set(placeId, id);
    return id;
  }

  /** Where a state governs: the country place it is the government of, else the state itself. */
  territoryOf(stateId: string): string {
    for (const country of this.lexicon.demonyms.values()) {
      const place = this.index.resolve(country);
      if (place.ok && this.index.get(place.id)?.kind === 'place' && this.governmentOf(place.id) === stateId) return place.id;
    }
    return stateId;
  }

  /** The words of an actor's name and aliases. */
  nameWords(id: string): ReadonlySet<string> {
    const actor = this.index.get(id) ?? this.discovered.get(id);
    if (!actor) return new Set();
    let words = nameWordsOf.get(actor);
    if (!words) nameWordsOf.set(actor, (words = new Set([actor.name, ...actor.aliases].flatMap((n) => normalizeName(n).split(' ')))));
    return words;
  }

  /** The last few agents named, the most recent first. */
  recentAgents(): ReadonlyArray<{ id: string; kind: ActorKind }> {
    return this.agents;
  }

  /** The last agent named, other than `not`. */
  lastAgent(not?: string): { id: string; kind: ActorKind } | undefined {
    return this.agents.find((a) => a.id !== not);
  }

  /** A new actor's id: the slug of its name, kept apart from any gazetteer id. */
  discover(name: string, kind: ActorKind): string {
    const slug = slugName(name);
    const id = this.index.get(slug) && this.index.get(slug)!.name !== name ? `${slug}-${kind}` : slug;
    if (!this.discovered.has(id)) this.discovered.set(id, { id, name, kind, aliases: [] });
    return id;
  }
}
