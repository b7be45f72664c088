/**
 * The filtered graph as files other tools open: GEXF (Gephi), GraphML (yEd, Cytoscape,
 * networkx), graphology JSON (the API's own form), and the claims behind it as CSV.
 */
import { MultiDirectedGraph } from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import { z } from 'zod';
import { Certainty, type ClaimView, type EdgeAttributes, type GraphFilters, type NodeAttributes } from '../domain/index.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { type DyadGraph, relationOf, serialize, splitFilters } from './aggregate.ts';
import type { GraphBounds } from './overview.ts';

export const ExportFormat = z.enum(['gexf', 'graphml', 'json', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  gexf: 'application/gexf+xml; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

/** An export asks for the whole graph: no bounds short of what Neo4j's LIMIT takes. */
const WHOLE: GraphBounds = { maxNodes: Number.MAX_SAFE_INTEGER, maxEdges: Number.MAX_SAFE_INTEGER };

/** The graph (or its claims) passing `filters`, in `format`. */
export async function exportGraph(store: GraphStore, format: ExportFormat, filters: GraphFilters): Promise<string> {
  const graph: DyadGraph = MultiDirectedGraph.from(await store.graph(filters, WHOLE));
  switch (format) {
    case 'gexf':
      return toGexf(graph);
    case 'graphml':
      return toGraphml(graph);
    case 'json':
      return JSON.stringify(serialize(graph));
    case 'csv': {
      // The claims behind the graph's edges: minClaims and minDocuments drop whole relations.
      const claims = await store.allClaims(splitFilters(filters).claimFilters);
      return claimsCsv(claims.filter((c) => graph.hasEdge(relationOf(c).key)));
    }
  }
}

type Scalar = string | number | boolean;

/** Node attributes as the flat scalars GEXF and GraphML carry. */
function flatNode(a: NodeAttributes): Record<string, Scalar> {
  return { name: a.name, kind: a.kind, aliases: a.aliases.join('; '), claims: a.claims };
}

/** Edge attributes as flat scalars: one column per certainty, documents joined. */
function flatEdge(a: EdgeAttributes): Record<string, Scalar> {
  return {
    type: a.type,
    symmetric: a.symmetric,
    claims: a.claims,
    documents: a.documents.join('; '),
    ...Object.fromEntries(Certainty.options.map((c) => [c, a.certainty[c]])),
    supporting: a.supporting,
    denying: a.denying,
    contested: a.contested,
    ...(a.firstWhen ? { firstWhen: a.firstWhen } : {}),
    ...(a.lastWhen ? { lastWhen: a.lastWhen } : {}),
    ...(a.side ? { side: a.side } : {}),
  };
}

export function toGexf(graph: DyadGraph): string {
  return writeGexf(graph, {
    version: '1.3',
    // Graph attributes (truncation counts) are not GEXF metadata: leave them out.
    pedantic: true,
    formatNode: (_key, a) => ({ label: a.name, attributes: flatNode(a) }),
    formatEdge: (_key, a) => ({ label: a.type, weight: a.claims, attributes: flatEdge(a) }),
  });
}

const xmlEscape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

const graphmlType = (v: Scalar): string => (typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? 'int' : 'string');

/** GraphML 1.0 (graphology-graphml only parses): typed keys declared from the values present. */
export function toGraphml(graph: DyadGraph): string {
  const nodes = graph.mapNodes((key, a) => ({ key, data: flatNode(a) }));
  const edges = graph.mapEdges((key, a, source, target) => ({ key, source, target, data: flatEdge(a) }));
  const keys = new Map<string, { for: 'node' | 'edge'; name: string; type: string }>();
  const declare = (scope: 'node' | 'edge', data: Record<string, Scalar>) => {
    for (const [name, value] of Object.entries(data)) {
      const id = `${scope === 'node' ? 'n' : 'e'}_${name}`;
      if (!keys.has(id)) keys.set(id, { for: scope, name, type: graphmlType(value) });
    }
  };
  nodes.forEach((n) => declare('node', n.data));
  edges.forEach((e) => declare('edge', e.data));
  const data = (scope: 'n' | 'e', values: Record<string, Scalar>) =>
    Object.entries(values)
      .map(([name, value]) => `<data key="${scope}_${name}">${xmlEscape(String(value))}</data>`)
      .join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...[...keys].map(([id, k]) => `  <key id="${id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>`),
    '  <graph id="dyad" edgedefault="directed">',
    ...nodes.map((n) => `    <node id="${xmlEscape(n.key)}">${data('n', n.data)}</node>`),
    ...edges.map(
      (e) => `    <edge id="${xmlEscape(e.key)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">${data('e', e.data)}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

const CSV_COLUMNS: Array<[string, (c: ClaimView) => Scalar | undefined]> = [
  ['id', (c) => c.id],
  ['document', (c) => c.document],
  ['document_title', (c) => c.documentTitle],
  ['reliability', (c) => c.reliability],
  ['subject', (c) => c.subject.id],
  ['subject_name', (c) => c.subject.name],
  ['type', (c) => c.type],
  ['object', (c) => c.object.id],
  ['object_name', (c) => c.object.name],
  ['certainty', (c) => c.certainty],
  ['attributed_to', (c) => c.attributedTo],
  ['when', (c) => c.when],
  ['quote', (c) => c.quote],
  ['start', (c) => c.start],
  ['end', (c) => c.end],
  ['origin', (c) => c.origin],
  ['confidence', (c) => c.confidence],
  ['mode', (c) => c.mode?.join('; ')],
  ['role', (c) => c.role],
  ['claimed', (c) => c.claimed],
  ['note', (c) => c.note],
];

/** RFC 4180: CRLF between records; a field with a quote, comma or line break is quoted, quotes doubled. */
const csvField = (v: Scalar | undefined): string => {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function claimsCsv(claims: readonly ClaimView[]): string {
  const rows = [CSV_COLUMNS.map(([name]) => name), ...claims.map((c) => CSV_COLUMNS.map(([, get]) => csvField(get(c))))];
  return rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}
