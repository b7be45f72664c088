/**
 * `dyad export --format seeds --out DIR`: the store as a seeds folder, exactly the format an
 * analyst writes by hand (seeds/), so the analyst's work can be versioned and reviewed in git:
 * DIR/<id>.txt (the verbatim text), DIR/<id>.meta.yaml, DIR/actors.yaml (the gazetteer with
 * the actors analysts added) and DIR/claims/<id>.yaml (the curated claims, by quote without
 * offsets, `occurrence` when the quote repeats, and the document's `rejected:` candidates).
 * `dyad check DIR` then `dyad ingest DIR` into an empty store gives the same curated claims.
 *
 * Extracted claims nobody reviewed are not written: a document with curated claims or
 * rejections gets a claims file (so ingest takes those and extracts nothing); one without is
 * written without, and ingest extracts it again.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { stringify } from 'yaml';
import {
  type Actor,
  type BodyRule,
  type ClaimView,
  type CuratedClaim,
  type CuratedClaimsFile,
  DocumentMeta,
  type DocumentRecord,
  type Gazetteer,
  type Rejection,
  type RejectedClaim,
  type Span,
} from '../domain/index.ts';
import { InvalidInput } from '../errors.ts';
import { articleBody } from '../ingest/article-body.ts';
import { loadIndex } from '../ingest/ingest.ts';
import { occurrences } from '../ingest/quote-locator.ts';
import { readYamlFile } from '../ingest/yaml-file.ts';
import type { GraphStore } from '../store/graph-store.ts';

export interface SeedsExport {
  documents: number;
  claims: number;
  rejected: number;
  actors: number;
}

const YAML_OPTIONS = { lineWidth: 0 } as const;

export async function exportSeeds(store: GraphStore, dir: string, { seedsDir, documents }: { seedsDir: string; documents?: string[] }): Promise<SeedsExport> {
  const ids = documents ?? (await store.listDocuments()).map((d) => d.id);
  await mkdir(join(dir, 'claims'), { recursive: true });
  const summary: SeedsExport = { documents: ids.length, claims: 0, rejected: 0, actors: 0 };
  const named = new Set<string>();
  for (const id of ids) {
    const document = await store.getDocument(id);
    const curated = (await store.documentClaims([id], { origin: ['curated'] })).filter((c) => c.document === id);
    const rejections = await store.rejections([id]);
    await writeFile(join(dir, `${id}.txt`), document.text);
    await writeFile(join(dir, `${id}.meta.yaml`), stringify(await metaOf(document, seedsDir), YAML_OPTIONS));
    if (curated.length > 0 || rejections.length > 0) {
      const file: CuratedClaimsFile = {
        claims: curated.map((c) => curatedClaim(c, document.text)),
        ...(rejections.length > 0 ? { rejected: rejections.map((r) => rejectedClaim(r, document.text)) } : {}),
      };
      await writeFile(join(dir, 'claims', `${id}.yaml`), stringify(file, YAML_OPTIONS));
    }
    for (const c of curated) named.add(c.subject.id).add(c.object.id);
    summary.claims += curated.length;
    summary.rejected += rejections.length;
  }
  const gazetteer = await gazetteerOf(store, seedsDir, named);
  await writeFile(join(dir, 'actors.yaml'), stringify(gazetteer, YAML_OPTIONS));
  summary.actors = gazetteer.actors.length;
  return summary;
}

/** The seeds' gazetteer, the actors analysts added, and any other actor an exported claim names (one the extractor met). */
async function gazetteerOf(store: GraphStore, seedsDir: string, named: Set<string>): Promise<Gazetteer> {
  const actors = new Map<string, Actor>((await loadIndex(seedsDir)).actors.map((a) => [a.id, a]));
  for (const actor of await store.addedActors()) if (!actors.has(actor.id)) actors.set(actor.id, actor);
  for (const id of named)
    if (!actors.has(id)) {
      const { claims: _c, byType: _t, byDocument: _d, ...actor } = await store.getActor(id);
      actors.set(id, actor);
    }
  return { actors: [...actors.values()] };
}

/** A curated claim as written by hand: ends by id, the quote and, when it repeats, which occurrence. */
function curatedClaim(c: ClaimView, text: string): CuratedClaim {
  return {
    subject: c.subject.id,
    type: c.type,
    object: c.object.id,
    certainty: c.certainty,
    ...(c.attributedTo !== undefined ? { attributedTo: c.attributedTo } : {}),
    ...(c.when !== undefined ? { when: c.when } : {}),
    ...(c.mode !== undefined ? { mode: c.mode } : {}),
    ...(c.role !== undefined ? { role: c.role } : {}),
    ...(c.claimed !== undefined ? { claimed: c.claimed } : {}),
    quote: c.quote,
    ...occurrenceOf(text, c.quote, c.start),
    ...(c.note !== undefined ? { note: c.note } : {}),
  };
}

function rejectedClaim(r: Rejection, text: string): RejectedClaim {
  return { subject: r.subject, type: r.type, object: r.object, quote: r.quote, ...occurrenceOf(text, r.quote, r.start) };
}

/** `occurrence` (1-based, as locateQuote counts) when the quote occurs more than once. */
export function occurrenceOf(text: string, quote: string, start: number): { occurrence?: number } {
  const hits = occurrences(text, quote);
  return hits.length > 1 ? { occurrence: hits.indexOf(start) + 1 } : {};
}

/**
 * The metadata file: the stored fields, and a body rule giving the stored article spans — the
 * seeds' own rule for this document when it still gives them, else one derived from the spans.
 */
async function metaOf(document: DocumentRecord, seedsDir: string): Promise<DocumentMeta> {
  const { text, body: spans, hash: _hash, ...fields } = document;
  const seedMeta = join(seedsDir, `${document.id}.meta.yaml`);
  const seedRule = existsSync(seedMeta) ? (await readYamlFile(seedMeta, DocumentMeta)).value?.body : undefined;
  const gives = (rule?: BodyRule) => {
    const found = articleBody(text, rule);
    return 'spans' in found && isDeepStrictEqual(found.spans, spans);
  };
  const rule = gives(undefined) ? undefined : seedRule && gives(seedRule) ? seedRule : derivedRule(text, spans);
  if (rule !== undefined && !gives(rule))
    throw new InvalidInput(`document '${document.id}': no body rule reproduces its stored article spans; it cannot be written as seeds`);
  return DocumentMeta.parse({ ...fields, ...(rule ? { body: rule } : {}) });
}

const escape = (line: string) => `^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

/** A rule keeping exactly the lines within `spans`: start and end at the article's outer lines, every other line between excluded by its exact text. */
function derivedRule(text: string, spans: Span[]): BodyRule {
  const lines: Array<{ text: string; start: number; end: number }> = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    lines.push({ text: raw.replace(/\r$/, ''), start: at, end: at + raw.length });
    at += raw.length + 1;
  }
  const kept = lines.map((l) => l.text.trim() !== '' && spans.some(([s, e]) => l.start >= s && l.end <= e));
  const first = kept.indexOf(true);
  const last = kept.lastIndexOf(true);
  const excludeLines = new Set<string>();
  for (let i = first + 1; i < last; i++) if (!kept[i] && lines[i]!.text.trim() !== '') excludeLines.add(escape(lines[i]!.text));
  const startAfter = first > 0 ? lines.slice(0, first).findLast((l) => l.text.trim() !== '')?.text.trim() : undefined;
  const endBefore = lines.slice(last + 1).find((l) => l.text.trim() !== '')?.text.trim();
  return { ...(startAfter ? { startAfter } : {}), ...(endBefore ? { endBefore } : {}), excludeLines: [...excludeLines] };
}
