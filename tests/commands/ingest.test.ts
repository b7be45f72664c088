/**
 * `dyad ingest` while `dyad serve` holds the embedded store: the documents go to the server
 * (found through the record beside the journal, or named with --server), with the same checks,
 * summary and per-document atomicity as a local ingest.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../server/domain/index.ts';
import { cli } from '../helpers/cli.ts';
import { type Served, serve } from '../helpers/serve.ts';

let root: string;
let dataDir: string;
let docs: string;
let server: Served | undefined;
const env = () => ({ DYAD_DATA_DIR: dataDir, NEO4J_URI: '', DYAD_API_TOKEN: '' });
const dyad = cli(env);

const TEXT = 'Field report\n\nThe Pakistani Taliban received support from al-Qaeda, officials said on Monday.\n';
const CLAIMS = 'claims:\n  - subject: al-qaeda\n    type: SUPPORTS\n    object: ttp\n    certainty: reported\n    quote: "received support from al-Qaeda"\n';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dyad-remote-'));
  dataDir = join(root, 'data');
  docs = join(root, 'new');
  await mkdir(join(docs, 'claims'), { recursive: true });
  await writeFile(join(docs, 'field-report.txt'), TEXT);
  await writeFile(join(docs, 'field-report.meta.yaml'), 'id: field-report\ntitle: Field report\nreliability: C\n');
  await writeFile(join(docs, 'claims', 'field-report.yaml'), CLAIMS);
  // A second document whose one claim quotes words the text does not have: rejected whole.
  await writeFile(join(docs, 'broken.txt'), TEXT);
  await writeFile(join(docs, 'claims', 'broken.yaml'), CLAIMS.replace('received support from al-Qaeda', 'armed by al-Qaeda'));
  server = await serve(env());
}, 120_000);

afterAll(async () => {
  if (server) await server.stop();
  await rm(root, { recursive: true, force: true });
});

describe('dyad ingest beside a running server', () => {
  it('finds the local server, sends each document whole, and reports as a local ingest', { timeout: 120_000 }, async () => {
    const first = await dyad('ingest', docs);
    expect(first.stderr).toContain(`sending the documents to ${server!.url}`);
    expect(first.stderr).toMatch(/rejected broken:\n {2}.*broken\.yaml:\d+: claim 1/);
    expect(first.stdout).toContain('ingest: 2 documents: 1 created, 0 updated, 0 unchanged, 1 rejected; 1 claims');
    expect(first.code).toBe(1);

    const detail = (await (await fetch(`${server!.url}/api/documents/field-report`)).json()) as DocumentDetail;
    expect(detail).toMatchObject({ id: 'field-report', reliability: 'C' });
    // The curated claim alone, as a local ingest takes a document with a claims file.
    expect(detail.claims).toHaveLength(1);
    expect(detail.claims[0]).toMatchObject({ subject: { id: 'al-qaeda' }, object: { id: 'ttp' }, type: 'SUPPORTS', origin: 'curated' });
    expect((await fetch(`${server!.url}/api/documents/broken`)).status).toBe(404);

    const again = await dyad('ingest', join(docs, 'field-report.txt'));
    expect(again.stdout).toContain('ingest: 1 documents: 0 created, 0 updated, 1 unchanged, 0 rejected; 1 claims; 0 actors changed (nothing changed)');
    expect(again.code).toBe(0);
  });

  it('re-sends the seeds the server loaded at start without changing them', { timeout: 120_000 }, async () => {
    const seeds = await dyad('ingest');
    expect(seeds.stdout).toMatch(/ingest: 5 documents: 0 created, 0 updated, 5 unchanged, 0 rejected; \d+ claims; 0 actors changed \(nothing changed\)/);
  });

  it('takes --server with the token from DYAD_API_TOKEN, and says so when the server refuses it', { timeout: 60_000 }, async () => {
    const wrong = await cli(() => ({ ...env(), DYAD_DATA_DIR: join(root, 'elsewhere'), DYAD_API_TOKEN: 'not-the-token' }))(
      'ingest',
      '--server',
      server!.url,
      join(docs, 'field-report.txt'),
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^dyad: the dyad server at http:\/\/127\.0\.0\.1:\d+ refused the write .*set DYAD_API_TOKEN/);
  });

  it('refuses new actors a running server cannot take, naming the file', { timeout: 60_000 }, async () => {
    await writeFile(join(docs, 'actors.yaml'), 'actors:\n  - id: new-front\n    name: New Front\n    kind: group\n    aliases: []\n');
    const result = await dyad('ingest', docs);
    await rm(join(docs, 'actors.yaml'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`dyad: ${join(docs, 'actors.yaml')}: a running server resolves actors with its own gazetteer`);
  });

  it('opens the store itself with --local, and then meets the lock the server holds', { timeout: 60_000 }, async () => {
    const local = await dyad('ingest', '--local', docs);
    expect(local.code).toBe(1);
    expect(local.stderr).toMatch(/in use by process \d+/);
  });
});
