/**
 * The bulk import against the transactional ingest, on real Neo4j and the seeds (one document
 * with a rejected claim besides): the seeds ingested into the run's Neo4j, and the same seeds written as CSV files, imported by
 * neo4j-admin into a fresh database served by a second Neo4j, and finished (schema, indexes
 * online, empty lists). The two databases hold the same nodes, relationships and properties,
 * the same indexes, and answer every store read alike. Bad input is refused naming its file.
 */
import { appendFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { InvalidInput } from '../../../../server/errors.ts';
import { ingest as ingestDocuments } from '../../../../server/ingest/ingest.ts';
import { compareKeys } from '../../../../server/graph/aggregate.ts';
import { finishImport } from '../../../../server/store/neo4j/bulk/finish.ts';
import { writeImportFiles } from '../../../../server/store/neo4j/bulk/write-files.ts';
import { Neo4jStore } from '../../../../server/store/neo4j/index.ts';
import { adminImport } from '../../../../server/store/neo4j/launcher/admin-import.ts';
import { type RunningNeo4j, startNeo4j } from '../../../../server/store/neo4j/launcher/run.ts';
import { seedsDir } from '../../../helpers/seed.ts';
import { copySeeds } from '../../../helpers/seed-copy.ts';
import { graphReads, STORE_READS } from '../../../helpers/store-reads.ts';
import { storeCases } from '../../../helpers/stores.ts';

const quiet = pino({ level: 'silent' });
const REJECTION = `rejected:
  - subject: foreign-fighters
    type: RECRUITS_FROM
    object: afghanistan
    quote: "battle-hardened veterans"
`;
const neo4jUri = inject('neo4jUri');
const neo4jCase = storeCases.find((c) => c.name === 'neo4j')!;

/** Every node and relationship with its properties, in a fixed order (integers and floats both as JS numbers). */
async function wholeGraph(driver: Driver) {
  const session = driver.session();
  try {
    const nodes = await session.run('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
    const relationships = await session.run(
      'MATCH (s)-[r]->(t) RETURN type(r) AS type, s.id AS source, t.id AS target, properties(r) AS props ORDER BY type, source, target, props.key',
    );
    return {
      nodes: nodes.records
        .map((r) => ({ labels: [...(r.get('labels') as string[])].sort(), props: r.get('props') as Record<string, unknown> }))
        .sort((a, b) => compareKeys(order(a), order(b))),
      relationships: relationships.records.map((r) => r.toObject()),
    };
  } finally {
    await session.close();
  }
}

const order = ({ labels, props }: { labels: string[]; props: Record<string, unknown> }) => `${labels.join(':')}|${props.document ?? ''}|${props.id}`;

async function schema(driver: Driver) {
  const session = driver.session();
  try {
    const rows = await session.run('SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state RETURN * ORDER BY name');
    return rows.records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

(neo4jUri ? describe : describe.skip)('neo4j-admin bulk import of the seeds', () => {
  let dir: string;
  let scratch: string;
  let running: RunningNeo4j | undefined;
  let ingested: Neo4jStore;
  let imported: Neo4jStore;
  const drivers: Driver[] = [];

  beforeAll(async () => {
    // The seeds, one document also carrying an analyst's rejection (a :Rejection node).
    const seeds = await copySeeds();
    scratch = join(seeds, '..');
    const claimsFile = join(seeds, 'claims', '000_cfc134b66c6808e2.yaml');
    await appendFile(claimsFile, REJECTION);
    ingested = (await neo4jCase.open()) as Neo4jStore;
    const ingest = await ingestDocuments(ingested, { paths: [seeds], seedsDir: seeds });
    expect(ingest.rejected).toEqual([]);
    dir = await mkdtemp(join(tmpdir(), 'dyad-bulk-'));
    const files = join(dir, 'files');
    const { summary, manifest } = await writeImportFiles({ paths: [seeds], seedsDir: seeds, out: files });
    expect(manifest.counts.rejections).toBe(1);
    expect(summary.rejected).toEqual([]);
    await adminImport({ home: join(dir, 'home'), dir: files, args: manifest.args });
    running = await startNeo4j({ dataDir: join(dir, 'home') });
    await finishImport({ uri: running.uri }, manifest);
    imported = new Neo4jStore({ uri: running.uri, logger: quiet });
    await imported.open();
    for (const uri of [neo4jUri, running.uri]) drivers.push(neo4j.driver(uri, undefined, { disableLosslessIntegers: true }));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(drivers.map((d) => d.close()));
    await imported?.close();
    await ingested?.close();
    await running?.stop();
    for (const path of [dir, scratch]) if (path) await rm(path, { recursive: true, force: true });
  });

  it('holds the nodes, relationships and properties the ingest writes', async () => {
    const [byIngest, byImport] = [await wholeGraph(drivers[0]!), await wholeGraph(drivers[1]!)];
    expect(byIngest.nodes.length).toBeGreaterThan(300);
    expect(byImport).toEqual(byIngest);
  });

  it('has the same indexes and constraints, all online', async () => {
    const [byIngest, byImport] = [await schema(drivers[0]!), await schema(drivers[1]!)];
    expect(byImport.every((index) => index.state === 'ONLINE')).toBe(true);
    expect(byImport).toEqual(byIngest);
  });

  it('answers every store read as the ingested store does', async () => {
    const actors = (await ingested.listActors({ sort: 'degree', limit: 25, offset: 0 })).items.map((a) => a.id);
    const reads = [
      ...STORE_READS,
      ...graphReads(),
      ...actors.map((id): (typeof STORE_READS)[number] => [`actor ${id}`, (s) => s.getActor(id)]),
      ...actors.slice(0, 5).map((id): (typeof STORE_READS)[number] => [`claims of ${id}`, (s) => s.findClaims({ actor: id, limit: 7, offset: 2 })]),
      ['actor list by name', (s) => s.listActors({ sort: 'name', limit: 40, offset: 10 })],
    ] satisfies typeof STORE_READS;
    for (const [name, read] of reads) expect(await read(imported), name).toEqual(await read(ingested));
  }, 180_000);
});

describe('bulk import files from bad input', () => {
  it('rejects a document whose claims file is broken, naming the file, and writes the others', async () => {
    const seeds = await copySeeds();
    const out = await mkdtemp(join(tmpdir(), 'dyad-bulk-bad-'));
    try {
      const broken = join(seeds, 'claims', '001_977e6d2ceaf3d2f9.yaml');
      await writeFile(broken, 'claims: [ { subject: "pakistan", type: SUPPORTS\n');
      const { summary, manifest } = await writeImportFiles({ paths: [seeds], seedsDir: seeds, out: join(out, 'files') });
      expect(summary.rejected.map((r) => r.document)).toEqual(['001_977e6d2ceaf3d2f9']);
      expect(summary.rejected[0]!.problems.join('\n')).toContain(broken);
      expect(manifest.counts.documents).toBe(4);
      // The external sort's folder, beside the files, is gone.
      expect(await readdir(out)).toEqual(['files']);
    } finally {
      await rm(join(seeds, '..'), { recursive: true, force: true });
      await rm(out, { recursive: true, force: true });
    }
  });

  it('refuses a folder that is not empty, and a home that holds a database', async () => {
    const out = await mkdtemp(join(tmpdir(), 'dyad-bulk-full-'));
    try {
      await writeFile(join(out, 'left-over.csv'), 'x\n');
      await expect(writeImportFiles({ paths: [seedsDir], seedsDir, out })).rejects.toBeInstanceOf(InvalidInput);
      const home = join(out, 'home');
      await mkdir(join(home, 'data', 'databases', 'neo4j'), { recursive: true });
      await expect(adminImport({ home, dir: out, args: [] })).rejects.toThrow(`${home} holds a database already`);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
