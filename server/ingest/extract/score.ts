/**
 * Scoring extracted claims against expected ones (curated seeds, or held-out fixtures).
 * A match is the same document and type, the same two actors (either order for symmetric
 * types) and overlapping quotes; each expected claim matches at most one extracted claim.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type ClaimRecord, CuratedClaimsFile, isSymmetric, RelationType } from '../../domain/index.ts';
import { InvalidInput } from '../../errors.ts';
import type { AliasIndex } from '../alias-index.ts';
import { claimId } from '../claim-id.ts';
import { locateQuote } from '../quote-locator.ts';
import { readYamlFile } from '../yaml-file.ts';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  overall: Counts;
  byType: Record<RelationType, Counts>;
  /** Matched pairs whose certainty agrees, of all matched pairs. */
  certainty: { agree: number; matched: number };
  matches: Array<{ expected: ClaimRecord; extracted: ClaimRecord }>;
  missed: ClaimRecord[];
  spurious: ClaimRecord[];
}

const sameRelation = (a: ClaimRecord, b: ClaimRecord) =>
  a.document === b.document &&
  a.type === b.type &&
  ((a.subject === b.subject && a.object === b.object) || (isSymmetric(a.type) && a.subject === b.object && a.object === b.subject));

const overlaps = (a: ClaimRecord, b: ClaimRecord) => a.start < b.end && b.start < a.end;

export function score(expected: ClaimRecord[], extracted: ClaimRecord[]): Score {
  const byType = Object.fromEntries(RelationType.options.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<RelationType, Counts>;
  const taken = new Set<ClaimRecord>();
  const matches: Score['matches'] = [];
  const spurious: ClaimRecord[] = [];
  // The most confident extracted claims choose first.
  for (const x of [...extracted].sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0))) {
    const candidates = expected.filter((c) => !taken.has(c) && sameRelation(c, x) && overlaps(c, x));
    const e = candidates.find((c) => c.certainty === x.certainty) ?? candidates[0];
    if (e) {
      taken.add(e);
      matches.push({ expected: e, extracted: x });
      byType[x.type].tp++;
    } else {
      spurious.push(x);
      byType[x.type].fp++;
    }
  }
  const missed = expected.filter((c) => !taken.has(c));
  for (const c of missed) byType[c.type].fn++;
  const overall = Object.values(byType).reduce((s, c) => ({ tp: s.tp + c.tp, fp: s.fp + c.fp, fn: s.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  const agree = matches.filter((m) => m.expected.certainty === m.extracted.certainty).length;
  return { overall, byType, certainty: { agree, matched: matches.length }, matches, missed, spurious };
}

export const precision = (c: Counts) => (c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts) => (c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn));
export const f1 = (c: Counts) => {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};

/** The score as a plain-text table: overall and per type, then certainty agreement. */
export function scoreTable(s: Score): string {
  const row = (name: string, c: Counts) =>
    [name.padEnd(14), String(c.tp + c.fn).padStart(6), String(c.tp + c.fp).padStart(6), String(c.tp).padStart(5), fmt(precision(c)), fmt(recall(c)), fmt(f1(c))].join(' ');
  const fmt = (x: number) => x.toFixed(2).padStart(6);
  const lines = [
    ['type'.padEnd(14), 'gold'.padStart(6), 'found'.padStart(6), 'tp'.padStart(5), 'P'.padStart(6), 'R'.padStart(6), 'F1'.padStart(6)].join(' '),
    ...RelationType.options.map((t) => row(t, s.byType[t])),
    row('ALL', s.overall),
    `certainty agreement on matched pairs: ${s.certainty.agree}/${s.certainty.matched}` +
      (s.certainty.matched ? ` (${((100 * s.certainty.agree) / s.certainty.matched).toFixed(0)}%)` : ''),
  ];
  return lines.join('\n');
}

export interface Fixture {
  document: string;
  text: string;
  expected: ClaimRecord[];
}

/**
 * Held-out fixtures: <id>.txt beside <id>.expected.yaml (claims as in seeds/claims). Subject and
 * object are gazetteer ids or aliases, or the slug id the extractor gives a new actor.
 */
export async function loadFixtures(dir: string, index: AliasIndex): Promise<Fixture[]> {
  const fixtures: Fixture[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort()) {
    const document = basename(name, '.txt');
    const text = await readFile(join(dir, name), 'utf8');
    const path = join(dir, `${document}.expected.yaml`);
    const file = await readYamlFile(path, CuratedClaimsFile);
    if (!file.value) throw file.problems[0] ?? new InvalidInput(`${path}: unreadable`, { file: path });
    const resolve = (s: string) => {
      const r = index.resolve(s);
      return r.ok ? r.id : s;
    };
    const expected = file.value.claims.map((c, i): ClaimRecord => {
      const at = locateQuote(text, c.quote, [[0, text.length]], c.occurrence);
      if (!at.ok) throw new InvalidInput(`${path}: claim ${i + 1}: ${at.reason}`, { file: path, line: file.lineAt(['claims', i]) });
      const { occurrence: _n, ...rest } = c;
      const subject = resolve(c.subject);
      const object = resolve(c.object);
      return { ...rest, id: claimId({ document, subject, type: c.type, object, ...at }), document, subject, object, start: at.start, end: at.end, origin: 'curated' };
    });
    fixtures.push({ document, text, expected });
  }
  return fixtures;
}
