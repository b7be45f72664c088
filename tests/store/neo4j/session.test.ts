/**
 * The query text the Neo4j store sends: cypher/<name>.cypher without its comment lines and
 * indentation, every other character and every line break kept.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadQuery } from '../../../server/store/neo4j/session.ts';

const file = (name: string) => readFile(new URL(`../../../cypher/${name}.cypher`, import.meta.url), 'utf8');

describe('loadQuery', () => {
  it.each(['neighborhood', 'claims', 'bench/neighbourhood-1'])('sends %s without comment lines or indentation, on the same lines', async (name) => {
    const [source, sent] = [await file(name), await loadQuery(name)];
    const lines = source.split('\n');
    expect(sent.split('\n')).toEqual(lines.map((line) => (line.trim().startsWith('//') ? '' : line.trimStart())));
    expect(sent).not.toMatch(/^\s*\/\//m);
    expect(sent.length).toBeLessThan(0.8 * source.length);
  });
});
