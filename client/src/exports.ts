/**
 * Exports that follow the view: the GEXF holds exactly the actors and relations drawn, with
 * their positions, sizes and colours; the PNG is the whole drawing with its legend and a
 * caption naming the mode, the filters and the sources.
 */
import { MultiDirectedGraph } from 'graphology';
import { write } from 'graphology-gexf/browser';
import type { DocumentSummary, RelationType } from '../../server/domain/index.ts';
import type { GraphView } from './graph-view.ts';
import { MODES } from './modes.ts';
import { KIND_COLOURS, KIND_SHAPES, TYPE_COLOURS, TYPE_GLYPHS } from './palette.ts';
import type { Model } from './model.ts';
import type { ViewState } from './state.ts';

/** "#rrggbbaa" → "rgba(r,g,b,a)", which GEXF viz colours carry. */
function rgba(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const a = hex.length >= 9 ? parseInt(hex.slice(7, 9), 16) / 255 : 1;
  return `rgba(${r},${g},${b},${Number(a.toFixed(3))})`;
}

/** The GEXF of what is drawn (or of the drawn actors `keep` admits, and the relations among them). */
export function viewGexf(view: GraphView, model: Model, keep: (node: string) => boolean = () => true): string {
  const shown = view.shown();
  const graph = new MultiDirectedGraph();
  for (const [key, d] of shown.nodes) {
    if (!keep(key)) continue;
    const a = model.getNodeAttributes(key);
    graph.addNode(key, { label: d.label, x: d.x, y: d.y, size: d.size, color: rgba(d.color), kind: a.kind, claims: a.claims });
  }
  for (const [key, source, target, d] of shown.edges) {
    if (!graph.hasNode(source) || !graph.hasNode(target)) continue;
    const a = model.getEdgeAttributes(key);
    graph.addEdgeWithKey(key, source, target, {
      label: d.label,
      color: rgba(d.color),
      size: d.size,
      type: a.type,
      claims: a.claims,
      supporting: a.supporting,
      denying: a.denying,
      contested: a.contested,
    });
  }
  return write(graph, { version: '1.3' });
}

/** One line naming what the view shows: mode, filters, and the sources by title. */
export function caption(state: ViewState, documents: ReadonlyMap<string, DocumentSummary>, model: Model): string[] {
  const { filters } = state;
  const parts = [`${MODES[state.mode].label}`];
  if (state.mode === 'ego') parts.push(`around ${state.ego.map((id) => (model.hasNode(id) ? model.getNodeAttribute(id, 'name') : id)).join(', ')}`);
  if (filters.types) parts.push(`types: ${filters.types.join(', ') || 'none'}`);
  if (filters.certainty) parts.push(`certainty: ${filters.certainty.join(', ') || 'none'}`);
  if (filters.kinds) parts.push(`kinds: ${filters.kinds.join(', ') || 'none'}`);
  if (filters.reliability) parts.push(`grade ${filters.reliability} or better`);
  if (filters.minDocuments) parts.push(`≥ ${filters.minDocuments} documents`);
  if (filters.from || filters.to) parts.push(`${filters.from ?? '…'}–${filters.to ?? '…'}`);
  const hidden = new Set(state.hidden);
  if (hidden.size) parts.push(`${hidden.size} actors hidden`);
  const actors = model.filterNodes((n) => !hidden.has(n)).length;
  const relations = model.filterEdges((_e, _a, s, t) => !hidden.has(s) && !hidden.has(t)).length;
  const sources = (filters.documents ?? [...documents.keys()]).map((id) => documents.get(id)?.title ?? id);
  return [`dyad · ${parts.join(' · ')} · ${actors} actors, ${relations} relations`, ...wrap(`Sources: ${sources.join('; ') || 'none'}`, 150)];
}

/** Split a long caption line at spaces into lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

const LEGEND_WIDTH = 240;

/** The whole drawing, its legend on the right and the caption below, as one PNG. */
export function viewPng(view: GraphView, model: Model, lines: string[]): Promise<Blob> {
  const drawing = view.snapshot();
  const scale = 2;
  const types = new Set<RelationType>();
  model.forEachEdge((_e, a) => types.add(a.type));
  const kinds = new Set(model.mapNodes((_n, a) => a.kind));
  const captionHeight = (lines.length * 18 + 16) * scale;
  const canvas = document.createElement('canvas');
  canvas.width = drawing.width + LEGEND_WIDTH * scale;
  canvas.height = drawing.height + captionHeight;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(drawing, 0, 0);
  ctx.scale(scale, scale);
  const left = drawing.width / scale + 12;
  const actorRows = [...kinds].map((kind) => ({
    text: kind,
    symbol: (x: number, y: number) => {
      ctx.fillStyle = KIND_COLOURS[kind];
      ctx.beginPath();
      if (KIND_SHAPES[kind] === 'square') ctx.rect(x + 1, y - 9, 10, 10);
      else ctx.arc(x + 6, y - 4, 5, 0, 2 * Math.PI);
      ctx.fill();
    },
  }));
  const relationRows = [...types].map((type) => ({
    text: `${TYPE_GLYPHS[type]} ${type}`,
    symbol: (x: number, y: number) => {
      ctx.fillStyle = TYPE_COLOURS[type];
      ctx.fillRect(x, y - 6, 20, 3);
    },
  }));
  const next = legendBlock(ctx, 'Actors', actorRows, left, 24);
  legendBlock(ctx, 'Relations', relationRows, left, next + 26);
  ctx.fillStyle = '#1d2330';
  ctx.font = '12px system-ui, sans-serif';
  lines.forEach((line, i) => ctx.fillText(line, 12, drawing.height / scale + 22 + i * 18, canvas.width / scale - 24));
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
}

/** A titled list of legend rows on the PNG; returns where the next block may start. */
function legendBlock(
  ctx: CanvasRenderingContext2D,
  title: string,
  rows: { text: string; symbol(x: number, y: number): void }[],
  left: number,
  top: number,
): number {
  let y = top;
  ctx.fillStyle = '#1d2330';
  ctx.font = '600 13px system-ui, sans-serif';
  ctx.fillText(title, left, y);
  ctx.font = '12px system-ui, sans-serif';
  for (const row of rows) {
    y += 18;
    row.symbol(left, y);
    ctx.fillStyle = '#1d2330';
    ctx.fillText(row.text, left + 26, y);
  }
  return y;
}

export function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
