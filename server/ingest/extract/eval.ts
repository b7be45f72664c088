/**
 * `npm run eval:extract [-- --verbose] [-- --type=RELATION]`: the extractor scored against the curated claims of
 * seeds/ and against the held-out fixtures in tests/ingest/extract/fixtures (text it was not
 * tuned on). Prints precision, recall and F1 overall and per type, and certainty agreement;
 * with --verbose also the misses and spurious claims, of one relation type with --type.
 */
import { loadGazetteer } from '../gazetteer.ts';
import { checkSeeds } from '../seed-dir.ts';
import type { ClaimRecord } from '../../domain/index.ts';
import { extract } from './index.ts';
import { loadFixtures, score, scoreTable } from './score.ts';

const SEEDS = 'seeds';
const FIXTURES = 'tests/ingest/extract/fixtures';
const HOLDOUT = 'tests/ingest/extract/holdout';
const only = process.argv.find((a) => a.startsWith('--type='))?.slice('--type='.length);
const verbose = process.argv.includes('--verbose') || only !== undefined;
const shown = (c: ClaimRecord) => !only || c.type === only;

const line = (c: ClaimRecord) =>
  `  ${c.document.slice(0, 3)} ${c.subject} ${c.type} ${c.object} [${c.certainty}${c.attributedTo ? `/${c.attributedTo}` : ''}] :: ${c.quote.slice(0, 110).replace(/\n/g, ' ')}`;

function report(title: string, expected: ClaimRecord[], extracted: ClaimRecord[]): void {
  const s = score(expected, extracted);
  process.stdout.write(`\n${title}\n${scoreTable(s)}\n`);
  if (verbose) {
    process.stdout.write(`missed:\n${s.missed.filter(shown).map(line).join('\n')}\nspurious:\n${s.spurious.filter(shown).map(line).join('\n')}\n`);
    const disagree = s.matches.filter((m) => m.expected.certainty !== m.extracted.certainty);
    process.stdout.write(`certainty differs (expected → extracted):\n${disagree.map((m) => `${line(m.expected)}\n    → ${m.extracted.certainty}`).join('\n')}\n`);
  }
}

const { index, documents } = await checkSeeds(SEEDS);
const expected: ClaimRecord[] = [];
const extracted: ClaimRecord[] = [];
for (const { files, prepared } of documents) {
  if (!prepared.upsert) {
    process.stdout.write(`skipped ${files.id}: its curated claims do not check (${prepared.problems.length} problem(s))\n`);
    continue;
  }
  const { document, claims } = prepared.upsert;
  expected.push(...claims);
  extracted.push(...extract({ document: document.id, text: document.text, body: document.body }, index).claims);
}
report(`seeds/ (${documents.length} documents, curated claims)`, expected, extracted);

const { index: gazetteer } = await loadGazetteer(`${SEEDS}/actors.yaml`);
for (const [title, dir] of [
  ['development fixtures (written for the extractor; their misses were read while tuning)', FIXTURES],
  ['held-out fixtures (written before tuning, scored only)', HOLDOUT],
] as const) {
  const fixtures = await loadFixtures(dir, gazetteer);
  const found = fixtures.flatMap((f) => extract({ document: f.document, text: f.text, body: [[0, f.text.length]] }, gazetteer).claims);
  report(`${title}: ${fixtures.length} documents`, fixtures.flatMap((f) => f.expected), found);
}
