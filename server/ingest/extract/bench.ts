/**
 * `npm run bench:extract`: extraction speed on one core. Builds ~200 articles of about 1,000
 * words by reshuffling the sentences of the seed texts (a fixed seed, so every run reads the
 * same corpus), extracts from each, and prints articles per second.
 */
import { performance } from 'node:perf_hooks';
import { checkSeeds } from '../seed-dir.ts';
import { extract } from './index.ts';

const ARTICLES = 200;
const WORDS = 1000;

const { index, documents } = await checkSeeds('seeds');
const sentences = documents.flatMap(({ prepared }) => {
  const doc = prepared.upsert?.document;
  if (!doc) return [];
  return doc.body.flatMap(([s, e]) => doc.text.slice(s, e).split(/(?<=[.!?])\s+/)).filter((s) => s.split(' ').length > 3);
});

// A small linear congruential generator: reproducible shuffles without a dependency.
let state = 42;
const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

const articles: string[] = [];
for (let a = 0; a < ARTICLES; a++) {
  const parts: string[] = [];
  let words = 0;
  while (words < WORDS) {
    const s = sentences[Math.floor(random() * sentences.length)]!;
    parts.push(s);
    words += s.split(/\s+/).length;
  }
  articles.push(parts.join(random() < 0.2 ? '\n' : ' '));
}

// One warm-up pass (JIT, trie and lexicon caches), then the timed pass.
for (const text of articles.slice(0, 20)) extract({ document: 'warmup', text, body: [[0, text.length]] }, index);
let claims = 0;
const perArticle: number[] = [];
const started = performance.now();
articles.forEach((text, i) => {
  const t = performance.now();
  claims += extract({ document: `bench-${i}`, text, body: [[0, text.length]] }, index).claims.length;
  perArticle.push(performance.now() - t);
});
const seconds = (performance.now() - started) / 1000;
perArticle.sort((a, b) => a - b);
const at = (q: number) => perArticle[Math.min(perArticle.length - 1, Math.floor(q * perArticle.length))]!.toFixed(1);
const words = articles.reduce((n, t) => n + t.split(/\s+/).length, 0);
process.stdout.write(
  `${ARTICLES} articles, ${words} words, ${claims} claims in ${seconds.toFixed(2)} s: ` +
    `${(ARTICLES / seconds).toFixed(0)} articles/s, ${(words / seconds / 1000).toFixed(0)}k words/s (one core); ` +
    `per article p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms\n`,
);
