/**
 * The query text the Neo4j store sends (cypher/<name>.cypher without its comment lines and
 * indentation, every other character and every line break kept), and the values it reads.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { loadQuery, toPlain } from '../../../server/store/neo4j/session.ts';

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

describe('toPlain', () => {
  it('answers a value that is plain already as it is, not a copy', () => {
    const row = { rows: [{ key: 'a|ALLIED_WITH|b', claims: 3, documents: ['d1', 'd2'], contested: false }], refs: [] };
    const plain = toPlain(row) as typeof row;
    expect(plain).toBe(row);
    expect(plain.rows[0]).toBe(row.rows[0]);
  });

  it('copies only what changes: integers become numbers, null map entries are dropped, nodes become their properties', () => {
    const untouched = { id: 'x', aliases: ['y'] };
    const row = { count: neo4j.int(7), note: null, ends: [untouched, { when: null, n: neo4j.int(2) }], label: 'same' };
    expect(toPlain(row)).toEqual({ count: 7, ends: [untouched, { n: 2 }], label: 'same' });
    expect((toPlain(row) as { ends: unknown[] }).ends[0]).toBe(untouched);
    expect(row).toEqual({ count: neo4j.int(7), note: null, ends: [untouched, { when: null, n: neo4j.int(2) }], label: 'same' });
    const node = new neo4j.types.Node(neo4j.int(1), ['Actor'], { id: 'a1', kind: null }, 'element-1');
    expect(toPlain([node, null])).toEqual([{ id: 'a1' }, undefined]);
  });
});
