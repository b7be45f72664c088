/** Alias resolution as properties: any spelling variant of a name resolves to its actor; a name two actors share resolves to neither. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Actor } from '../../server/domain/index.ts';
import { AliasIndex, compactName } from '../../server/ingest/alias-index.ts';

const word = fc.stringMatching(/^[A-Za-z][a-z]{1,7}$/);
const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
const actors = fc
  .uniqueArray(fc.array(name, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8, selector: (names) => compactName(names[0]!) })
  .map((lists) =>
    lists.map((names, i): Actor => ({ id: `actor-${i}`, name: names[0]!, kind: 'group', aliases: names.slice(1) })),
  );

/** Case, separators and accents vary; the letters do not. */
const variant = (s: string, seed: number) => {
  const separators = [' ', '-', '  ', '_', '. '];
  return s
    .split(' ')
    .map((w, i) => ((seed >> i) & 1 ? w.toUpperCase() : w.toLowerCase()).replace(/e/g, (seed & 8) ? 'é' : 'e'))
    .join(separators[seed % separators.length]);
};

describe('AliasIndex.resolve', () => {
  test('every name and alias, however spelled, resolves to its actor unless another actor shares it', () => {
    fc.assert(
      fc.property(actors, fc.nat({ max: 255 }), (list, seed) => {
        const index = new AliasIndex(list);
        const owners = new Map<string, Set<string>>();
        for (const a of list)
          for (const n of [a.name, ...a.aliases]) owners.set(compactName(n), (owners.get(compactName(n)) ?? new Set()).add(a.id));
        for (const actor of list) {
          expect(index.resolve(actor.id)).toEqual({ ok: true, id: actor.id });
          for (const n of [actor.name, ...actor.aliases]) {
            const shared = owners.get(compactName(n))!;
            const resolved = index.resolve(variant(n, seed));
            if (shared.size === 1) expect(resolved).toEqual({ ok: true, id: actor.id });
            else expect(resolved).toMatchObject({ ok: false, reason: 'ambiguous' });
          }
        }
      }),
    );
  });
});
