/** The plain-shape YAML reader as properties: on any text it either gives up or returns exactly what js-yaml's core schema reads. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { readSimpleYaml } from '../../server/ingest/simple-yaml.ts';
import { seedsDir } from '../helpers/seed.ts';

/** js-yaml's reading as yaml-file.ts asks for it, or 'refused'. */
const jsYaml = (source: string): unknown => {
  try {
    return load(source, { schema: CORE_SCHEMA, json: false }) ?? null;
  } catch {
    return 'refused';
  }
};

const keys = fc.constantFrom('a', 'b', 'claims', 'quote', 'when', 'x-y', 'a_1', 'A', 'é', '1a', '__proto__', 'constructor');
const values = fc.constantFrom(
  'plain text', 'text: colon', 'text #hash', 'a#b', 'a,b [c] {d}', 'é accent', 'Ünïcode', 'trailing   ', 'x:', 'a:b',
  '"dq"', '"d\\"q"', '"esc \\n \\t \\u00e9 \\/ \\\\"', '"bad \\x41"', '"\\ud83d"', '"unterminated', '"a" b', '"a" # c',
  "'sq'", "'it''s'", "'bad' x'", "'", "''",
  '2021', '0', '012', '-3', '+3', '1.5', '1e3', '0x1f', '.inf', '123456789012345678',
  'true', 'True', 'TRUE', 'false', 'Null', 'null', 'NULL', '~', 'yes', 'no', 'on',
  '[a, b]', '{a: 1}', '&anchor x', '*alias', '!tag x', '|', '>-', '@at', '`tick', '%pct', '? q', '- item', '-1',
);
const content = fc.oneof(
  fc.tuple(keys, values).map(([k, v]) => `${k}: ${v}`),
  keys.map((k) => `${k}:`),
  fc.tuple(keys, values).map(([k, v]) => `- ${k}: ${v}`),
  values.map((v) => `- ${v}`),
  values,
  fc.constantFrom('-', '# a comment', '', '---', '...', '%YAML 1.2', 'a: b # c', 'a:\tb', 'a: b\r', '\uFEFFa: b', 'a: \u0001'),
);
const line = fc.tuple(fc.constantFrom('', ' ', '  ', '   ', '    ', '      '), content).map(([indent, text]) => indent + text);
const documents = fc.array(line, { maxLength: 12 }).map((lines) => lines.join('\n'));

/** Documents of the claims files' own shape, so that the properties also cover texts the reader reads. */
const claimLike = fc
  .array(
    fc.tuple(fc.constantFrom('ttp', 'al-qaeda', 'IS-K'), values, fc.boolean(), fc.constantFrom('', '# note', 'continued words', '  more')),
    { maxLength: 5 },
  )
  .map((claims) =>
    ['claims:', ...claims.flatMap(([subject, quote, when, after]) => [`  - subject: ${subject}`, `    quote: ${quote}`, ...(when ? ['    when: "2021"'] : []), ...(after ? [`      ${after}`] : [])])].join('\n'),
  );

/** Nested mappings and sequences written out as YAML with well-formed values, so that most are of the plain shape. */
const wellFormed = fc.constantFrom('plain text', 'a#b', 'a,b [c] {d}', 'é accent', 'trailing   ', 'a:b', '"d\\"q"', "'it''s'", "''", '2021', '0', 'word\n   more words', 'x - y', "it's", 'say "hi"');
type Tree = string | { seq: Tree[] } | { map: [string, Tree][] };
const entries = (node: fc.Arbitrary<Tree>) =>
  fc.uniqueArray(fc.tuple(fc.constantFrom('a', 'b', 'claims', 'x-y', 'A', 'constructor'), node), { minLength: 1, maxLength: 3, selector: (e) => e[0] });
const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, wellFormed, fc.record({ seq: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }), fc.record({ map: entries(tie('tree')) })),
}));
/** `tree` as lines at `indent`; `inItem`: its first line follows a sequence's dash. */
const write = (t: Tree, indent: number, inItem = false): string[] => {
  const pad = ' '.repeat(indent);
  if (typeof t === 'string') return [t];
  if ('seq' in t) return t.seq.flatMap((item) => {
    const [first, ...rest] = write(item, indent + 2, true);
    return [`${pad}- ${first!.trimStart()}`, ...rest];
  });
  return t.map.flatMap(([key, value], i) => {
    const at = inItem && i === 0 ? '' : pad;
    return typeof value === 'string' ? [`${at}${key}: ${value.replaceAll('\n', `\n${pad}`)}`] : [`${at}${key}:`, ...write(value, indent + 2)];
  });
};
const nested = entries(tree).map((map) => write({ map }, 0).join('\n'));

describe('readSimpleYaml', () => {
  test('gives up or reads what js-yaml reads, on any text of lines', () => {
    fc.assert(
      fc.property(fc.oneof(documents, claimLike, nested), (source) => {
        const simple = readSimpleYaml(source);
        if (simple) expect(simple.value).toEqual(jsYaml(source));
      }),
      { numRuns: 5000 },
    );
  });

  test('reads the plain shape itself: a claims file with quoted, escaped, numeric and multi-line values', () => {
    const source = [
      '# curated',
      'claims:',
      '  - subject: ttp',
      '    type: SUPPORTS',
      "    quote: 'it''s what \"they\" said'",
      '    when: 2021',
      '  - subject: IS-K',
      '    quote: a quote that goes on',
      '      over two lines',
      '',
      '    note: "caf\\u00e9 \\"x\\""',
      'rejected:',
      '- subject: al-qaeda',
      '  occurrence: 2',
      '',
    ].join('\n');
    const simple = readSimpleYaml(source);
    expect(simple).toBeDefined();
    expect(simple!.value).toEqual(jsYaml(source));
    expect(simple!.value).toMatchObject({ claims: [{ when: 2021 }, { quote: 'a quote that goes on over two lines', note: 'café "x"' }] });
  });

  test('leaves to js-yaml what it does not read itself', () => {
    for (const source of ['a: [x, y]', 'a: |\n  text', 'a: &x b', 'a: 1.5', 'a: true', 'a: b # c', 'a: 1\na: 2', 'a: "x\n  y"', 'a:\tb', 'a: x\n\n  y'])
      expect(readSimpleYaml(source)).toBeUndefined();
  });

  test('reads every seed file as js-yaml does, or gives up', async () => {
    const files = [join(seedsDir, 'actors.yaml'), ...(await readdir(seedsDir)).filter((f) => f.endsWith('.meta.yaml')).map((f) => join(seedsDir, f))];
    files.push(...(await readdir(join(seedsDir, 'claims'))).map((f) => join(seedsDir, 'claims', f)));
    for (const file of files) {
      const source = await readFile(file, 'utf8');
      const simple = readSimpleYaml(source);
      if (simple) expect(simple.value).toEqual(jsYaml(source));
    }
  });
});
