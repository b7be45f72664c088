import { describe, expect, it } from 'vitest';
import { AliasIndex, compactName, normalizeName } from '../../server/ingest/alias-index.ts';
import { loadGazetteer } from '../../server/ingest/gazetteer.ts';

const { index, problems } = await loadGazetteer('seeds/actors.yaml');

describe('the gazetteer', () => {
  it('loads without problems: unique ids, no alias naming two actors', () => {
    expect(problems.map((p) => p.message)).toEqual([]);
    expect(index.collisions()).toEqual([]);
  });
});

describe('alias resolution', () => {
  it('folds case, accents, apostrophes and punctuation', () => {
    expect(normalizeName('Tehreek-e-Taliban  Pakistan')).toBe('tehreek e taliban pakistan');
    expect(compactName('IS-K')).toBe(compactName('is k'));
    expect(normalizeName('Qaïda’s')).toBe('qaidas');
  });

  it('resolves every alias of one actor to its id', () => {
    for (const name of ['IS-K', 'ISIS-K', 'ISKP', 'iskp', 'Islamic State-Khorasan Province', 'Islamic State Khorasan Province']) {
      expect(index.resolve(name)).toEqual({ ok: true, id: 'is-k' });
    }
    for (const name of ['TTP', 'Tehrik-i-Taliban Pakistan', 'Tehreek-e-Taliban Pakistan', 'FAK']) {
      expect(index.resolve(name)).toEqual({ ok: true, id: 'ttp' });
    }
    expect(index.resolve('Islamabad')).toEqual({ ok: true, id: 'pakistan' });
    expect(index.resolve('Kabul')).toEqual({ ok: true, id: 'afghan-taliban' });
  });

  it('says unknown or ambiguous rather than guessing', () => {
    expect(index.resolve('Jaish-e-Nowhere')).toMatchObject({ ok: false, reason: 'unknown' });
    const two = new AliasIndex([
      { id: 'a', name: 'Alpha', kind: 'group', aliases: ['AF'] },
      { id: 'b', name: 'Beta', kind: 'group', aliases: ['AF'] },
    ]);
    expect(two.resolve('af')).toEqual({ ok: false, reason: 'ambiguous', candidates: ['a', 'b'] });
  });
});

describe('actor search', () => {
  it('ranks exact alias matches first: "iskp" finds IS-K', () => {
    expect(index.search('iskp', { limit: 5 })[0]).toMatchObject({ id: 'is-k', matched: 'ISKP', score: 100 });
  });

  it('matches prefixes and substrings, accent-insensitively', () => {
    expect(index.search('tehr', { limit: 5 }).map((h) => h.id)).toContain('ttp');
    expect(index.search('khorasan', { limit: 10 }).map((h) => h.id)).toContain('is-k');
    expect(index.search('Balóchistán', { limit: 3 })[0]?.id).toBe('balochistan');
  });

  it('filters by kind and honours the limit', () => {
    const hits = index.search('pak', { kinds: ['state'], limit: 2 });
    expect(hits.length).toBeLessThanOrEqual(2);
    expect(hits.every((h) => h.kind === 'state')).toBe(true);
  });
});
