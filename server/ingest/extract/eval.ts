/**
 * `npm run eval:extract [-- --gold DIR] [-- --verbose] [-- --type=RELATION]`: the extractor
 * scored against close readings. By default against the curated claims of seeds/ and the
 * development fixtures in tests/ingest/extract/fixtures (short texts written for the
 * extractor, whose misses were read while tuning). With --gold DIR, against a folder in the
 * extract-dev format (<doc>.txt beside gold/<doc>.yaml, actors by name), relation by relation.
 * Prints precision, recall and F1 overall and per type, and certainty agreement; with
 * --verbose also the misses and spurious claims, of one relation type with --type.
 */
import type { ClaimRecord } from '../../domain/index.ts';
import { loadGazetteer } from '../gazetteer.ts';
import { checkSeeds } from '../seed-dir.ts';
import { distinctRelations, loadGoldDir } from './gold.ts';
import { extract } from './index.ts';
import { loadFixtures, score, scoreTable } from './score.ts';

const SEEDS = 'seeds';
const FIXTURES = 'tests/ingest/extract/fixtures';
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--type='))?.slice('--type='.length);
const goldAt = args.indexOf('--gold');
const goldDir = goldAt === -1 ? undefined : args[goldAt + 1];
const verbose = args.includes('--verbose') || only !== undefined;
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

const { index: gazetteer } = await loadGazetteer(`${SEEDS}/actors.yaml`);

if (goldDir) {
  const { documents, names } = await loadGoldDir(goldDir);
  const extracted: ClaimRecord[] = [];
  for (const d of documents) {
    const found = extract({ document: d.document, text: d.text, body: [[0, d.text.length]] }, gazetteer);
    const discovered = new Map(found.actors.map((a) => [a.id, a]));
    // Actors are compared by name: each side resolved through the close reading's names and aliases.
    const name = (id: string) => {
      const actor = gazetteer.get(id) ?? discovered.get(id);
      return (actor && names.resolve(actor)) ?? `?${actor?.name ?? id}`;
    };
    extracted.push(...found.claims.map((c) => ({ ...c, subject: name(c.subject), object: name(c.object) })));
  }
  report(`${goldDir} (${documents.length} documents, close reading, distinct relations)`, distinctRelations(documents.flatMap((d) => d.expected)), distinctRelations(extracted));
} else {
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
  const fixtures = await loadFixtures(FIXTURES, gazetteer);
  const found = fixtures.flatMap((f) => extract({ document: f.document, text: f.text, body: [[0, f.text.length]] }, gazetteer).claims);
  report(`development fixtures (written for the extractor; their misses were read while tuning): ${fixtures.length} documents`, fixtures.flatMap((f) => f.expected), found);
}
