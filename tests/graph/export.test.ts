import { parse as parseCsv } from 'csv-parse/sync';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ClaimView } from '../../server/domain/index.ts';
import { aggregate, type DyadGraph } from '../../server/graph/aggregate.ts';
import { claimsCsv, toGexf, toGraphml } from '../../server/graph/export.ts';
import { seedClaimViews } from './seed-claims.ts';

let claims: ClaimView[];
let graph: DyadGraph;
beforeAll(async () => {
  claims = await seedClaimViews();
  graph = aggregate(claims);
});

/** The written file read back carries every node and edge with its key attributes. */
function expectSameGraph(read: Graph) {
  expect(read.order).toBe(graph.order);
  expect(read.size).toBe(graph.size);
  graph.forEachNode((node, a) => {
    expect(read.getNodeAttribute(node, 'kind')).toBe(a.kind);
    expect(read.getNodeAttribute(node, 'claims')).toBe(a.claims);
  });
  graph.forEachEdge((key, a, source, target) => {
    expect(read.source(key)).toBe(source);
    expect(read.target(key)).toBe(target);
    expect(read.getEdgeAttribute(key, 'type')).toBe(a.type);
    expect(read.getEdgeAttribute(key, 'claims')).toBe(a.claims);
    expect(read.getEdgeAttribute(key, 'contested')).toBe(a.contested);
  });
}

describe('export formats parse back', () => {
  test('GEXF through graphology-gexf', () => {
    const read = parseGexf(Graph, toGexf(graph));
    expectSameGraph(read);
    graph.forEachNode((node, a) => expect(read.getNodeAttribute(node, 'label')).toBe(a.name));
  });

  test('GraphML through graphology-graphml, names with XML specials intact', () => {
    const read = parseGraphml(Graph, toGraphml(graph));
    expectSameGraph(read);
    graph.forEachNode((node, a) => {
      expect(read.getNodeAttribute(node, 'name')).toBe(a.name);
      expect(read.getNodeAttribute(node, 'aliases')).toBe(a.aliases.join('; '));
    });
  });

  test('CSV (RFC 4180): one record per claim, quotes with commas, quotes and line breaks intact', () => {
    const tricky = { ...claims[0]!, id: 'tricky', quote: 'He said "no", then\r\nleft', attributedTo: 'a, b' };
    const csv = claimsCsv([...claims, tricky]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parseCsv(csv, { columns: true }) as Array<Record<string, string>>;
    expect(records).toHaveLength(claims.length + 1);
    for (const [i, claim] of claims.entries()) {
      expect(records[i]).toMatchObject({
        id: claim.id,
        document: claim.document,
        document_title: claim.documentTitle,
        subject: claim.subject.id,
        type: claim.type,
        object: claim.object.id,
        certainty: claim.certainty,
        quote: claim.quote,
        start: String(claim.start),
        end: String(claim.end),
        attributed_to: claim.attributedTo ?? '',
      });
    }
    expect(records.at(-1)).toMatchObject({ quote: tricky.quote, attributed_to: 'a, b' });
  });
});
