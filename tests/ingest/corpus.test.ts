import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../server/errors.ts';
import { sha256 } from '../../server/ingest/claim-id.ts';
import { discoverDocuments, prepareDocument } from '../../server/ingest/corpus.ts';
import { loadGazetteer } from '../../server/ingest/gazetteer.ts';
import { copySeeds } from '../helpers/seed-copy.ts';
import { seedsDir } from '../helpers/seed.ts';

const { index } = await loadGazetteer(join(seedsDir, 'actors.yaml'));
const ID = '004_8d7461f0818b03b9';

async function withClaims(yaml: string) {
  const dir = await copySeeds();
  await writeFile(join(dir, 'claims', `${ID}.yaml`), yaml);
  const [files] = (await discoverDocuments([join(dir, `${ID}.txt`)])) as [Awaited<ReturnType<typeof discoverDocuments>>[number]];
  return { dir, prepared: await prepareDocument(files, index) };
}

describe('prepareDocument', () => {
  it('turns every seed document into one upsert whose quotes sit at their offsets', async () => {
    for (const files of await discoverDocuments([seedsDir])) {
      const prepared = await prepareDocument(files, index);
      expect(prepared.problems.map((p) => p.message)).toEqual([]);
      const { document, claims } = prepared.upsert!;
      for (const c of claims) expect(document.text.slice(c.start, c.end)).toBe(c.quote);
    }
  });

  it('resolves aliases in subject and object to actor ids', async () => {
    const { prepared } = await withClaims(
      'claims:\n  - subject: Islamabad\n    type: PRESSURES\n    object: Kabul\n    certainty: asserted\n    quote: "Afghanistan must stop being a safe haven"\n',
    );
    expect(prepared.upsert?.claims[0]).toMatchObject({ subject: 'pakistan', object: 'afghan-taliban', origin: 'curated' });
  });

  it('rejects the whole document when one claim is bad, naming file, line and fault', async () => {
    const { dir, prepared } = await withClaims(
      [
        'claims:',
        '  - subject: pakistan',
        '    type: PRESSURES',
        '    object: afghan-taliban',
        '    certainty: asserted',
        '    quote: "Afghanistan must stop being a safe haven"',
        '  - subject: ttp',
        '    type: SUPPORTS',
        '    object: no-such-actor',
        '    certainty: asserted',
        '    quote: "the TTP, BLA, TIP and other actors trade manpower"',
        '',
      ].join('\n'),
    );
    expect(prepared.upsert).toBeUndefined();
    expect(prepared.problems).toHaveLength(1);
    const [problem] = prepared.problems;
    expect(problem).toBeInstanceOf(InvalidInput);
    expect(problem!.where).toMatchObject({ file: join(dir, 'claims', `${ID}.yaml`), line: 7 });
    expect(problem!.message).toContain('no-such-actor');
  });

  it('reports schema faults at their line: an unknown type, a bad certainty', async () => {
    const { prepared } = await withClaims(
      'claims:\n  - subject: pakistan\n    type: FUNDS\n    object: ttp\n    certainty: sure\n    quote: "x"\n',
    );
    expect(prepared.problems.map((p) => p.where?.line)).toEqual([3, 5]);
  });

  it('refuses a quote that is not verbatim', async () => {
    const { prepared } = await withClaims(
      "claims:\n  - subject: pakistan\n    type: PRESSURES\n    object: afghan-taliban\n    certainty: asserted\n    quote: \"Taliban's Grip\"\n",
    );
    expect(prepared.problems[0]?.message).toMatch(/apostrophes/);
  });

  it('gives a claim the same id on every run, so re-ingest changes nothing', async () => {
    const [files] = await discoverDocuments([join(seedsDir, `${ID}.txt`)]);
    const a = await prepareDocument(files!, index);
    const b = await prepareDocument(files!, index);
    expect(a.upsert!.document.hash).toBe(b.upsert!.document.hash);
    expect(a.upsert!.claims.map((c) => c.id)).toEqual(b.upsert!.claims.map((c) => c.id));
  });

  it('hashes the JSON of the fields, text, body, claims and actors, with the rejections only when there are some', async () => {
    const claim = 'claims:\n  - subject: pakistan\n    type: PRESSURES\n    object: afghan-taliban\n    certainty: asserted\n    quote: "Afghanistan must stop being a safe haven"\n';
    const rejection = 'rejected:\n  - subject: ttp\n    type: SUPPORTS\n    object: bla\n    quote: "the TTP, BLA, TIP and other actors trade manpower"\n';
    for (const yaml of [claim, claim + rejection]) {
      const { upsert } = (await withClaims(yaml)).prepared;
      const { text, body: spans, hash, ...fields } = upsert!.document;
      const { claims, actors, rejected } = upsert!;
      expect(rejected?.length).toBe(yaml === claim ? undefined : 1);
      // The definition stores hold: a document ingested before is recognised as unchanged.
      expect(hash).toBe(sha256({ fields, text, spans, claims, actors, ...(rejected ? { rejected } : {}) }));
    }
  });

  it('changes the hash when the metadata changes', async () => {
    const dir = await copySeeds();
    const metaPath = join(dir, `${ID}.meta.yaml`);
    await writeFile(metaPath, (await readFile(metaPath, 'utf8')).replace('reliability: C', 'reliability: B'));
    const [files] = await discoverDocuments([join(dir, `${ID}.txt`)]);
    const [original] = await discoverDocuments([join(seedsDir, `${ID}.txt`)]);
    const changed = await prepareDocument(files!, index);
    const before = await prepareDocument(original!, index);
    expect(changed.upsert!.document.hash).not.toBe(before.upsert!.document.hash);
  });
});
