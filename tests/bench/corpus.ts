/**
 * A generated corpus in the seeds' format (<id>.txt, <id>.meta.yaml, claims/<id>.yaml,
 * actors.yaml) for the benchmark: the same claim count always gives the same files (seeded
 * PRNG). Twenty claims a document, one actor per ten claims, and heavy-tailed actor degrees:
 * an endpoint is actor ⌊A·u³⌋ for uniform u, so the first actors are hubs and the tail still
 * has a handful of claims each. A manifest beside the folder names the actors and documents
 * the benchmark asks about.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { stringify } from 'yaml';
import { type Actor, type ActorKind, type Certainty, type CuratedClaim, fitsSignature, RelationType, type Reliability } from '../../server/domain/index.ts';

export const CLAIMS_PER_DOCUMENT = 20;
const SEED = 20_251_202;
/** Bump when the generated files change, so cached corpora are regenerated. */
const FORMAT_VERSION = 1;

export interface CorpusManifest {
  version: number;
  claims: number;
  documents: number;
  actors: number;
  /** The two actors with the most claims, most first. */
  hubs: [string, string];
  /** An actor with the median claim count. */
  median: string;
  /** A document in the middle of the corpus. */
  document: string;
  /** A search the benchmark types: a prefix of a common name part. */
  search: string;
}

const KINDS: ActorKind[] = ['group', 'group', 'group', 'state', 'organization', 'person', 'place'];
const NOUN: Record<ActorKind, string[]> = {
  group: ['Front', 'Brigade', 'Movement', 'Lashkar', 'Army', 'Jamaat'],
  state: ['Republic', 'Emirate', 'Federation'],
  organization: ['Council', 'Agency', 'Committee', 'Foundation'],
  person: ['Commander', 'Mullah', 'Minister', 'Spokesman'],
  place: ['Province', 'Valley', 'District'],
  event: ['Offensive'],
};
const SYLLABLES = ['ka', 'zar', 'mun', 'tel', 'ras', 'ha', 'qa', 'bad', 'shi', 'ro', 'dan', 'gul', 'far', 'nas', 'il', 'wa', 'jan', 'tor'];
const VERB: Record<RelationType, string> = {
  SUPPORTS: 'supports',
  ALLIED_WITH: 'is allied with',
  AFFILIATE_OF: 'is an affiliate of',
  RIVAL_OF: 'is a rival of',
  CLASHES_WITH: 'clashed with',
  COUNTERS: 'moved against',
  PERPETRATED: 'carried out',
  MEMBER_OF: 'is a member of',
  OPERATES_IN: 'operates in',
  RECRUITS_FROM: 'recruits from',
  ACCUSES: 'accused',
  PRESSURES: 'pressures',
  LOCATED_IN: 'is based in',
};
const CERTAINTY: Certainty[] = ['asserted', 'asserted', 'asserted', 'reported', 'reported', 'alleged', 'speculative', 'denied'];
const GRADES: Reliability[] = ['A', 'B', 'B', 'C', 'C', 'C', 'D', 'E', 'F'];
const FILLER = [
  'Officials declined to comment further.',
  'The situation along the border remained tense.',
  'Analysts expect the pattern to continue.',
  'Local residents described a week of uncertainty.',
];

export const corpusDir = (root: string, claims: number) => join(root, `corpus-${claims}`);
export const manifestPath = (root: string, claims: number) => join(root, `corpus-${claims}.json`);

type Rng = ReturnType<typeof xoroshiro128plus>;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[uniformInt(rng, 0, items.length - 1)]!;

function makeActors(rng: Rng, count: number): Actor[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = pick(rng, KINDS);
    const stem = Array.from({ length: uniformInt(rng, 2, 3) }, () => pick(rng, SYLLABLES)).join('');
    const word = stem[0]!.toUpperCase() + stem.slice(1);
    const name = `${word} ${pick(rng, NOUN[kind])} ${i + 1}`;
    const acronym = `${word.slice(0, 2).toUpperCase()}-${i + 1}`;
    return { id: `a${i + 1}`, name, kind, aliases: [acronym] };
  });
}

/**
 * Writes the corpus for `claims` claims under `root` unless its manifest is already there;
 * returns the folder and manifest. Files go to a temporary folder first, so an interrupted
 * run never leaves a half corpus that looks complete.
 */
export async function generateCorpus(root: string, claims: number): Promise<{ dir: string; manifest: CorpusManifest }> {
  const dir = corpusDir(root, claims);
  const existing = await readFile(manifestPath(root, claims), 'utf8').catch(() => undefined);
  if (existing) {
    const manifest = JSON.parse(existing) as CorpusManifest;
    if (manifest.version === FORMAT_VERSION) return { dir, manifest };
  }
  const rng = xoroshiro128plus(SEED);
  const documents = Math.max(1, Math.ceil(claims / CLAIMS_PER_DOCUMENT));
  const actorCount = Math.max(20, Math.round(claims / 10));
  const actors = makeActors(rng, actorCount);
  const degree = new Uint32Array(actorCount);
  const endpoint = () => Math.min(actorCount - 1, Math.floor(actorCount * uniformFloat64(rng) ** 3));
  const types = RelationType.options;

  const staging = `${dir}.partial`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(join(staging, 'claims'), { recursive: true });
  await writeFile(join(staging, 'actors.yaml'), stringify({ actors }));
  const width = String(documents).length;
  let left = claims;
  for (let d = 0; d < documents; d++) {
    const id = `b${String(d + 1).padStart(width, '0')}`;
    const lines = [`Bulletin ${d + 1}`, ''];
    const docClaims: CuratedClaim[] = [];
    const n = Math.min(CLAIMS_PER_DOCUMENT, left);
    for (let k = 0; k < n; k++) {
      // Ends are drawn again until some relation type's signature admits their kinds.
      let subject: number;
      let object: number;
      let fitting: RelationType[];
      do {
        subject = endpoint();
        object = endpoint();
        if (object === subject) object = (subject + 1 + uniformInt(rng, 0, actorCount - 2)) % actorCount;
        const [s, o] = [actors[subject]!.kind, actors[object]!.kind];
        fitting = types.filter((t) => fitsSignature(t, s, o));
      } while (fitting.length === 0);
      degree[subject]! += 1;
      degree[object]! += 1;
      const type = pick(rng, fitting);
      const quote = `${actors[subject]!.name} ${VERB[type]} ${actors[object]!.name}, report ${k + 1} said`;
      lines.push(`${quote}. ${pick(rng, FILLER)}`);
      const year = uniformInt(rng, 2012, 2025);
      docClaims.push({
        subject: actors[subject]!.id,
        type,
        object: actors[object]!.id,
        certainty: pick(rng, CERTAINTY),
        quote,
        ...(uniformInt(rng, 0, 2) > 0 ? { when: String(year) } : {}),
      });
    }
    left -= n;
    await writeFile(join(staging, `${id}.txt`), `${lines.join('\n')}\n`);
    const meta = { id, title: `Bulletin ${d + 1}`, outlet: `Outlet ${(d % 40) + 1}`, date: `${uniformInt(rng, 2012, 2025)}`, reliability: pick(rng, GRADES) };
    await writeFile(join(staging, `${id}.meta.yaml`), stringify(meta));
    await writeFile(join(staging, 'claims', `${id}.yaml`), stringify({ claims: docClaims }));
  }

  const byDegree = [...degree.keys()].sort((a, b) => degree[b]! - degree[a]! || a - b);
  const median = byDegree[Math.floor(byDegree.length / 2)]!;
  const manifest: CorpusManifest = {
    version: FORMAT_VERSION,
    claims,
    documents,
    actors: actorCount,
    hubs: [actors[byDegree[0]!]!.id, actors[byDegree[1]!]!.id],
    median: actors[median]!.id,
    document: `b${String(Math.ceil(documents / 2)).padStart(width, '0')}`,
    search: actors[byDegree[0]!]!.name.slice(0, 4).toLowerCase(),
  };
  await rm(dir, { recursive: true, force: true });
  await rename(staging, dir);
  await writeFile(manifestPath(root, claims), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, manifest };
}
