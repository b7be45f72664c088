import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import Graph from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerializedGraph } from '../../server/domain/index.ts';
import { cli } from '../helpers/cli.ts';

let dataDir: string;
const dyad = cli(() => ({ DYAD_DATA_DIR: dataDir, NEO4J_URI: '', LOG_LEVEL: 'silent' }));

describe('dyad export', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dyad-export-'));
    expect((await dyad('ingest')).code).toBe(0);
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('prints the filtered graph as JSON to stdout', async () => {
    const all = SerializedGraph.parse(JSON.parse((await dyad('export', '--format', 'json')).stdout));
    const corroborated = SerializedGraph.parse(JSON.parse((await dyad('export', '--format', 'json', '--minDocuments', '2')).stdout));
    expect(corroborated.edges.length).toBeLessThan(all.edges.length);
    for (const e of corroborated.edges) expect(e.attributes.supporting).toBeGreaterThanOrEqual(2);
    const twoTypes = SerializedGraph.parse(JSON.parse((await dyad('export', '--format', 'json', '--types', 'SUPPORTS', '--types', 'ACCUSES')).stdout));
    expect(new Set(twoTypes.edges.map((e) => e.attributes.type))).toEqual(new Set(['SUPPORTS', 'ACCUSES']));
  });

  it('writes GraphML and CSV files with --out', async () => {
    const graphml = join(dataDir, 'graph.graphml');
    expect((await dyad('export', '--format', 'graphml', '--out', graphml, '--documents', '002_51eec4bc261835c7')).code).toBe(0);
    const graph = parseGraphml(Graph, await readFile(graphml, 'utf8'));
    expect(graph.size).toBeGreaterThan(0);
    graph.forEachEdge((_k, a) => expect(a.documents).toBe('002_51eec4bc261835c7'));
    const csv = join(dataDir, 'claims.csv');
    expect((await dyad('export', '--format', 'csv', '--out', csv, '--documents=002_51eec4bc261835c7')).code).toBe(0);
    const records = parseCsv(await readFile(csv, 'utf8'), { columns: true }) as Array<{ document: string }>;
    expect(records.length).toBe(graph.reduceEdges((n, _k, a) => n + (a.claims as number), 0));
  });

  it('exits 2 (a usage error) naming a bad flag, format or filter value', async () => {
    for (const [args, named] of [
      [['--format', 'pdf'], 'format'],
      [['--format', 'json', '--colour', 'red'], '--colour'],
      [['--format', 'json', '--certainty', 'sure'], 'certainty'],
      [[], 'format'],
    ] as const) {
      const result = await dyad('export', ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(named);
      expect(result.stdout).toBe('');
    }
  });

  it('exits 1 naming a document the store does not have', async () => {
    const result = await dyad('export', '--format', 'json', '--documents', 'nope');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("dyad: documents: no document 'nope'\n");
  });
});
