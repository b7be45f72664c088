/**
 * From files to what a store takes: a document's text, metadata and claims become one
 * DocumentUpsert, or a list of problems naming file and line. Nothing half-valid gets through.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import {
  type Actor,
  type ClaimRecord,
  type CuratedClaim,
  CuratedClaimsFile,
  DocumentId,
  DocumentMeta,
  type DocumentRecord,
  isSymmetric,
  type RejectedClaim,
  type Rejection,
  signatureProblem,
  type Span,
} from '../domain/index.ts';
import { InvalidInput } from '../errors.ts';
import type { DocumentUpsert } from '../store/graph-store.ts';
import type { AliasIndex } from './alias-index.ts';
import { articleBody } from './article-body.ts';
import { claimId, sha256 } from './claim-id.ts';
import { locateQuote } from './quote-locator.ts';
import { parseYaml } from './yaml-file.ts';

/** Where one document's files are. Metadata and curated claims are optional. */
export interface SourceFiles {
  id: string;
  textPath: string;
  metaPath?: string;
  claimsPath?: string;
}

/** Proposes claims for a text that has no curated ones (server/ingest/extract). */
export type Extractor = (
  input: { document: string; text: string; body: Span[] },
  index: AliasIndex,
) => { claims: ClaimRecord[]; actors: Actor[] };

/** Reads a file's text. A preparation worker reads synchronously (prepare-worker.ts): it has nothing else to do meanwhile, and its reads skip the I/O pool the whole process shares. */
export type ReadText = (path: string) => Promise<string>;

const readText: ReadText = (path) => readFile(path, 'utf8');

/** Documents named by paths: a directory gives all its *.txt, a file itself. Sorted by id. */
export async function discoverDocuments(paths: string[]): Promise<SourceFiles[]> {
  const texts: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new InvalidInput(`${path}: no such file or directory`, { file: path });
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((n) => n.endsWith('.txt')).sort();
      texts.push(...names.map((n) => join(path, n)));
    } else if (extname(path) === '.txt') {
      texts.push(path);
    } else {
      throw new InvalidInput(`${path}: a document is a .txt file (its metadata and claims are found beside it)`, { file: path });
    }
  }
  // One listing per folder rather than a stat per file: a corpus has tens of thousands of documents.
  const listings = new Map<string, Promise<Set<string>>>();
  const files = async (dir: string) => {
    let listing = listings.get(dir);
    if (!listing) {
      listing = readdir(dir, { withFileTypes: true }).then(
        (entries) => new Set(entries.filter((e) => e.isFile()).map((e) => e.name)),
        () => new Set<string>(),
      );
      listings.set(dir, listing);
    }
    return listing;
  };
  const found = new Map<string, SourceFiles>();
  for (const textPath of texts) {
    const id = basename(textPath, '.txt');
    const dir = dirname(textPath);
    const previous = found.get(id);
    if (previous && resolve(previous.textPath) !== resolve(textPath))
      throw new InvalidInput(`${textPath}: document id '${id}' also names ${previous.textPath}`, { file: textPath });
    found.set(id, {
      id,
      textPath,
      ...((await files(dir)).has(`${id}.meta.yaml`) ? { metaPath: join(dir, `${id}.meta.yaml`) } : {}),
      ...((await files(join(dir, 'claims'))).has(`${id}.yaml`) ? { claimsPath: join(dir, 'claims', `${id}.yaml`) } : {}),
    });
  }
  return [...found.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export interface Prepared {
  upsert?: DocumentUpsert;
  problems: InvalidInput[];
  claimSource: 'curated' | 'extracted' | 'none';
}

/** One document's parts, however they arrived (files or an API submission). */
export interface DocumentParts {
  id: string;
  text: string;
  meta: DocumentMeta;
  /** Where the metadata came from, for messages. */
  metaSource: string;
  curated?: {
    claims: CuratedClaim[];
    /** Where claim i was written, for messages: a file and line, or a JSON path. */
    where(i: number): { label: string; file?: string; line?: number };
    /** Extracted claims an analyst rejected (a claims file's `rejected:`), and where each was written. */
    rejected?: { claims: RejectedClaim[]; where(i: number): { label: string; file?: string; line?: number } };
  };
  /** Extraction runs when there are no curated claims, or always with `mergeExtracted`. */
  extractor?: Extractor;
  mergeExtracted?: boolean;
}

/** Reads, validates and resolves one document's files. `upsert` is set only when there are no problems. */
export async function prepareDocument(files: SourceFiles, index: AliasIndex, extractor?: Extractor, read = readText): Promise<Prepared> {
  const { parts, problems } = await readDocumentParts(files, read);
  if (!parts) return { problems, claimSource: files.claimsPath ? 'curated' : 'none' };
  return assembleDocument({ ...parts, extractor }, index);
}

/** One document's files read and checked each on its own; `parts` only when none has a problem. */
export async function readDocumentParts(files: SourceFiles, read = readText): Promise<{ parts?: DocumentParts; problems: InvalidInput[] }> {
  const problems: InvalidInput[] = [];
  const text = await read(files.textPath);
  const meta = await readMeta(files, text, problems, read);
  let curated: DocumentParts['curated'];
  if (files.claimsPath) {
    const path = files.claimsPath;
    const file = parseYaml(path, await read(path), CuratedClaimsFile);
    problems.push(...file.problems);
    if (file.value) {
      curated = {
        claims: file.value.claims,
        where: (i) => ({ label: `${path}:${file.lineAt(['claims', i])}: claim ${i + 1}`, file: path, line: file.lineAt(['claims', i]) }),
        rejected: file.value.rejected && {
          claims: file.value.rejected,
          where: (i) => ({ label: `${path}:${file.lineAt(['rejected', i])}: rejected ${i + 1}`, file: path, line: file.lineAt(['rejected', i]) }),
        },
      };
    }
  }
  if (!meta || problems.length > 0) return { problems };
  return { parts: { id: files.id, text, meta, metaSource: files.metaPath ?? files.textPath, curated }, problems };
}

/** Validates and resolves a document's parts into one atomic upsert, or every problem found. */
export function assembleDocument(parts: DocumentParts, index: AliasIndex): Prepared {
  const { id, text, meta } = parts;
  const problems: InvalidInput[] = [];
  const idCheck = DocumentId.safeParse(id);
  if (!idCheck.success) problems.push(new InvalidInput(`${parts.metaSource}: document id '${id}': ${idCheck.error.issues[0]!.message}`, { file: parts.metaSource }));
  const body = articleBody(text, meta.body);
  if ('error' in body) problems.push(new InvalidInput(`${parts.metaSource}: ${body.error}`, { file: parts.metaSource }));
  const spans = 'spans' in body ? body.spans : [];

  const curatedClaims: ClaimRecord[] = [];
  parts.curated?.claims.forEach((claim, i) => {
    const result = resolveCurated(claim, id, text, spans, index);
    if ('problem' in result) {
      // Placing a claim in its file costs a positioned parse, so only a problem asks where it is.
      const where = parts.curated!.where(i);
      problems.push(new InvalidInput(`${where.label}: ${result.problem}`, { file: where.file, line: where.line }));
    } else curatedClaims.push(result.claim);
  });
  const rejected: Rejection[] = [];
  parts.curated?.rejected?.claims.forEach((claim, i) => {
    const where = parts.curated!.rejected!.where(i);
    // Named as a curated claim is; the certainty is not part of what was rejected.
    const result = resolveCurated({ ...claim, certainty: 'asserted' }, id, text, spans, index);
    if ('problem' in result) problems.push(new InvalidInput(`${where.label}: ${result.problem}`, { file: where.file, line: where.line }));
    else {
      const { id: rejectedId, document, subject, type, object, quote, start, end } = result.claim;
      rejected.push({ id: rejectedId, document, subject, type, object, quote, start, end });
    }
  });
  const duplicate = firstDuplicate(curatedClaims);
  if (duplicate) problems.push(new InvalidInput(`${parts.metaSource}: the claim ${duplicate} is written twice`, { file: parts.metaSource }));
  if (problems.length > 0) return { problems, claimSource: parts.curated ? 'curated' : 'none' };

  const extract = parts.extractor && (!parts.curated || parts.mergeExtracted);
  const extracted = extract ? parts.extractor!({ document: id, text, body: spans }, index) : { claims: [], actors: [] };
  const claims = mergeClaims(curatedClaims, extracted.claims);
  const actors = new Map(referencedActors(claims, index).map((a) => [a.id, a]));
  for (const a of extracted.actors) if (!actors.has(a.id) && claims.some((c) => c.subject === a.id || c.object === a.id)) actors.set(a.id, a);
  const missing = claims.flatMap((c) => [c.subject, c.object]).find((a) => !actors.has(a));
  if (missing) return { problems: [new InvalidInput(`${parts.metaSource}: a claim names unknown actor '${missing}'`)], claimSource: 'extracted' };

  const { body: _rule, ...fields } = meta;
  const sorted = [...claims].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  const actorList = [...actors.values()].sort((a, b) => a.id.localeCompare(b.id));
  const hash = documentHash(fields, text, spans, sorted, actorList, rejected, index);
  const document: DocumentRecord = { ...fields, text, body: spans, hash };
  return { upsert: { document, claims: sorted, actors: actorList, ...(rejected.length > 0 ? { rejected } : {}) }, problems, claimSource: parts.curated ? 'curated' : extract ? 'extracted' : 'none' };
}

/** Each gazetteer actor's JSON, made once: a gazetteer actor is named by many documents, and is not changed once loaded. */
const actorJson = new WeakMap<Actor, string>();

/**
 * The document's content hash: the sha256 of the JSON of `{ fields, text, spans, claims, actors }`
 * (and `rejected` when there are some: documents without keep their hashes), written out here so
 * that a gazetteer actor's JSON is reused rather than made again for every document naming it.
 */
function documentHash(
  fields: Omit<DocumentMeta, 'body'>,
  text: string,
  spans: Span[],
  claims: ClaimRecord[],
  actors: Actor[],
  rejected: Rejection[],
  index: AliasIndex,
): string {
  const json = (actor: Actor): string => {
    if (index.get(actor.id) !== actor) return JSON.stringify(actor);
    let cached = actorJson.get(actor);
    if (cached === undefined) actorJson.set(actor, (cached = JSON.stringify(actor)));
    return cached;
  };
  const rest = rejected.length > 0 ? `,"rejected":${JSON.stringify(rejected)}` : '';
  return sha256(
    `{"fields":${JSON.stringify(fields)},"text":${JSON.stringify(text)},"spans":${JSON.stringify(spans)},` +
      `"claims":${JSON.stringify(claims)},"actors":[${actors.map(json).join(',')}]${rest}}`,
  );
}

async function readMeta(files: SourceFiles, text: string, problems: InvalidInput[], read: ReadText): Promise<DocumentMeta | undefined> {
  if (!files.metaPath) {
    // A raw document: its first non-empty line is the best title there is; the grade is unjudged.
    const title = text.split('\n').find((l) => l.trim().length > 0)?.trim().slice(0, 200) ?? files.id;
    return DocumentMeta.parse({ id: files.id, title });
  }
  const file = parseYaml(files.metaPath, await read(files.metaPath), DocumentMeta);
  problems.push(...file.problems);
  if (file.value && file.value.id !== files.id) {
    problems.push(
      new InvalidInput(`${files.metaPath}:${file.lineAt(['id'])}: id '${file.value.id}' differs from the file name '${files.id}'`, {
        file: files.metaPath,
        line: file.lineAt(['id']),
      }),
    );
  }
  return file.value;
}

function resolveCurated(
  curated: CuratedClaim,
  document: string,
  text: string,
  body: Span[],
  index: AliasIndex,
): { claim: ClaimRecord } | { problem: string } {
  const subject = resolveEnd(index, 'subject', curated.subject);
  if (typeof subject !== 'string') return subject;
  const object = resolveEnd(index, 'object', curated.object);
  if (typeof object !== 'string') return object;
  if (subject === object) return { problem: `subject and object are the same actor '${subject}'` };
  const misfit = signatureProblem(curated.type, index.get(subject)!.kind, index.get(object)!.kind);
  if (misfit) return { problem: `${subject} ${curated.type} ${object}: ${misfit}` };
  const located = locateQuote(text, curated.quote, body, curated.occurrence);
  if (!located.ok) return { problem: located.reason };
  // The curated fields in their order (but the occurrence and the quote), then what resolving
  // added: the key order is part of the document's hash. Copied field by field, since rest and
  // spread copies are what a hundred thousand claims spend most of their resolving on.
  const claim: Record<string, unknown> = {};
  for (const key in curated) if (key !== 'occurrence' && key !== 'quote') claim[key] = curated[key as keyof CuratedClaim];
  if (curated.attributedTo) {
    const attributed = index.resolve(curated.attributedTo);
    claim.attributedTo = attributed.ok ? attributed.id : curated.attributedTo;
  }
  claim.id = claimId({ document, subject, type: curated.type, object, start: located.start, end: located.end });
  claim.document = document;
  claim.subject = subject;
  claim.object = object;
  claim.quote = curated.quote;
  claim.start = located.start;
  claim.end = located.end;
  claim.origin = 'curated';
  return { claim: claim as ClaimRecord };
}

/** A claim's subject or object resolved to an actor id, or the problem naming it. */
function resolveEnd(index: AliasIndex, field: 'subject' | 'object', name: string): string | { problem: string } {
  const r = index.resolve(name);
  if (r.ok) return r.id;
  return {
    problem:
      r.reason === 'ambiguous'
        ? `${field} '${name}' is ambiguous: it names ${r.candidates.join(', ')}`
        : `${field} '${name}' is not an actor id or alias in the gazetteer`,
  };
}

function firstDuplicate(claims: ClaimRecord[]): string | undefined {
  const seen = new Set<string>();
  for (const c of claims) {
    if (seen.has(c.id)) return `${c.subject} ${c.type} ${c.object} at [${c.start}, ${c.end})`;
    seen.add(c.id);
  }
  return undefined;
}

/** The gazetteer entries a set of claims names (plus attributions that are actor ids). */
function referencedActors(claims: ClaimRecord[], index: AliasIndex): Actor[] {
  const ids = new Set(claims.flatMap((c) => [c.subject, c.object, ...(c.attributedTo ? [c.attributedTo] : [])]));
  return [...ids].flatMap((id) => index.get(id) ?? []);
}

/** The curated-over-extracted rule: an extracted claim is dropped when a curated one has its triple. */
export function mergeClaims(curated: ClaimRecord[], extracted: ClaimRecord[]): ClaimRecord[] {
  const key = (c: ClaimRecord) => {
    const [a, b] = isSymmetric(c.type) && c.object < c.subject ? [c.object, c.subject] : [c.subject, c.object];
    return `${a}|${c.type}|${b}`;
  };
  const taken = new Set(curated.map(key));
  return [...curated, ...extracted.filter((c) => !taken.has(key(c)))];
}
