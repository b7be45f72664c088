/**
 * Small real data for the embedded store's tests: the seed gazetteer and two seed articles
 * with a handful of claims written here against their verbatim text (independent of the
 * curated claim files, which are edited while these tests run).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { afterEach, beforeEach } from 'vitest';
import { EmbeddedStore } from '../../../server/store/embedded/index.ts';
import { type Actor, type ClaimRecord, DocumentMeta, type When } from '../../../server/domain/index.ts';
import { articleBody } from '../../../server/ingest/article-body.ts';
import { claimId, sha256 } from '../../../server/ingest/claim-id.ts';
import { loadGazetteer } from '../../../server/ingest/gazetteer.ts';
import { readYamlFile } from '../../../server/ingest/yaml-file.ts';
import type { DocumentUpsert } from '../../../server/store/graph-store.ts';

export const SEEDS = join(import.meta.dirname, '../../../seeds');
export const PAK = '001_977e6d2ceaf3d2f9';
export const OPINION = '004_8d7461f0818b03b9';

export interface ClaimSpec {
  subject: string;
  type: ClaimRecord['type'];
  object: string;
  certainty: ClaimRecord['certainty'];
  quote: string;
  when?: When;
  origin?: ClaimRecord['origin'];
}

/** Claims of seed 001 (a Pakistani commentary) and seed 004 (an opinion column). */
export const CLAIMS: Record<string, ClaimSpec[]> = {
  [PAK]: [
    { subject: 'ttp', type: 'OPERATES_IN', object: 'afghanistan', certainty: 'reported', quote: 'TTP militants are launching operations from Afghanistan', when: '2025' },
    { subject: 'al-qaeda', type: 'ALLIED_WITH', object: 'afghan-taliban', certainty: 'asserted', quote: 'The group continues to maintain close ties with the Afghan Taliban' },
    { subject: 'al-qaeda', type: 'SUPPORTS', object: 'ttp', certainty: 'reported', quote: 'one facility specializing in training suicide bombers for TTP operations', when: '2024/2025' },
  ],
  [OPINION]: [
    { subject: 'afghan-taliban', type: 'SUPPORTS', object: 'ttp', certainty: 'denied', quote: 'Senior Taliban officials have publicly disavowed formal links with groups such as the TTP and BLA', when: '2025-09' },
    { subject: 'tip', type: 'SUPPORTS', object: 'bla', certainty: 'alleged', quote: 'Uyghur militants linked to the TIP are assisting BLA cadres with drone know-how' },
    { subject: 'is-k', type: 'OPERATES_IN', object: 'khorasan', certainty: 'asserted', quote: 'ISKP presents itself as the transnational jihadist brand for the wider Khurasan belt', origin: 'extracted' },
    { subject: 'pakistan', type: 'PRESSURES', object: 'afghan-taliban', certainty: 'asserted', quote: 'Afghanistan must stop being a safe haven for transnational militant networks or face consequences', when: '2025-09-23' },
  ],
};

export async function seedActors(): Promise<Actor[]> {
  const { index, problems } = await loadGazetteer(join(SEEDS, 'actors.yaml'));
  if (problems.length > 0) throw problems[0];
  return index.actors;
}

/** A seed document as ingest would hand it over: metadata, text, body, claims located in the text, their actors. */
export async function seedDocument(id: string, specs: ClaimSpec[] = CLAIMS[id] ?? [], text?: string): Promise<DocumentUpsert> {
  const actors = new Map((await seedActors()).map((a) => [a.id, a]));
  const body = text ?? (await readFile(join(SEEDS, `${id}.txt`), 'utf8'));
  const meta = await readYamlFile(join(SEEDS, `${id}.meta.yaml`), DocumentMeta);
  if (!meta.value) throw meta.problems[0];
  const { body: rule, ...fields } = meta.value;
  const spans = articleBody(body, rule);
  if ('error' in spans) throw new Error(spans.error);
  const claims = specs.map((spec): ClaimRecord => {
    const start = body.indexOf(spec.quote);
    if (start === -1) throw new Error(`quote not in ${id}: ${spec.quote}`);
    const end = start + spec.quote.length;
    const { origin = 'curated', ...rest } = spec;
    return { ...rest, origin, id: claimId({ document: id, ...spec, start, end }), document: id, start, end };
  });
  const named = [...new Set(claims.flatMap((c) => [c.subject, c.object]))].map((a) => actors.get(a)!);
  return {
    document: { ...fields, text: body, body: spans.spans, hash: sha256({ fields, body, claims }) },
    claims,
    actors: named,
  };
}

/** A fresh data directory per test. */
export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'dyad-embedded-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A fresh data directory per test; every store opened through `open` is closed and the
 * directory removed after the test.
 */
export function useScratchStores() {
  let dir = '';
  let remove = async () => {};
  const stores: EmbeddedStore[] = [];
  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await remove();
  });
  const dataDir = () => join(dir, 'data');
  async function open(options: { heldAnswers?: number } = {}) {
    const { logger, records } = recordingLogger();
    const store = new EmbeddedStore({ dataDir: dataDir(), logger, ...options });
    stores.push(store);
    await store.open();
    return { store, records };
  }
  return { dataDir, open };
}

/** A real pino logger whose records the test can read. */
export function recordingLogger() {
  const records: Array<{ level: number; msg: string; [key: string]: unknown }> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) records.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), records };
}

/** The same upsert under another document id: claims moved along, ids and hash recomputed. */
export function renamed(upsert: DocumentUpsert, id: string): DocumentUpsert {
  const claims = upsert.claims.map((c) => ({ ...c, document: id, id: claimId({ ...c, document: id }) }));
  const { hash: _hash, ...fields } = { ...upsert.document, id };
  return { document: { ...fields, hash: sha256({ fields, claims }) }, claims, actors: upsert.actors };
}

/** The document the SIGKILL test writes over and over (under new ids): seed 004's text repeated to about 2 MB. */
export async function bigDocument(): Promise<DocumentUpsert> {
  const text = await readFile(join(SEEDS, `${OPINION}.txt`), 'utf8');
  return seedDocument(OPINION, CLAIMS[OPINION], text.repeat(300));
}
