/**
 * GraphStore.listActors, part of the store contract: both stores list every actor with the
 * same degree (distinct other actors a claim links it to, computed here from the claims as
 * the oracle), in the same order, paged alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorPage } from '../../server/domain/index.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';
import { seedStore } from '../helpers/seed.ts';
import { storeCases } from '../helpers/stores.ts';

const pages: Record<string, ActorPage> = {};

describe.each(storeCases)('GraphStore.listActors: $name', (storeCase) => {
  let store: GraphStore;
  beforeAll(async () => {
    if (storeCase.skip) return;
    store = await storeCase.open();
    await seedStore(store);
  });
  afterAll(async () => {
    await store?.close();
  });

  it.skipIf(storeCase.skip)('lists every actor with its degree, most connected first', async () => {
    const page = await store.listActors({ sort: 'degree', limit: 1000, offset: 0 });
    const linked = new Map<string, Set<string>>();
    for (const c of await store.allClaims({})) {
      if (c.subject.id === c.object.id) continue;
      for (const [a, b] of [[c.subject.id, c.object.id], [c.object.id, c.subject.id]] as const) linked.set(a, (linked.get(a) ?? new Set()).add(b));
    }
    expect(page.total).toBe(page.items.length);
    for (const item of page.items) expect(item.degree, item.id).toBe(linked.get(item.id)?.size ?? 0);
    const degrees = page.items.map((a) => a.degree);
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    expect(degrees[0]).toBeGreaterThan(0);
    pages[storeCase.name] = page;
  });

  it.skipIf(storeCase.skip)('sorts by name, filters by kind, and pages without gaps', async () => {
    const byName = await store.listActors({ sort: 'name', limit: 1000, offset: 0 });
    const names = byName.items.map((a) => a.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const groups = await store.listActors({ kinds: ['group'], sort: 'name', limit: 1000, offset: 0 });
    expect(groups.items.every((a) => a.kind === 'group')).toBe(true);
    expect(groups.total).toBe(byName.items.filter((a) => a.kind === 'group').length);
    const first = await store.listActors({ sort: 'name', limit: 10, offset: 0 });
    const second = await store.listActors({ sort: 'name', limit: 10, offset: 10 });
    expect([...first.items, ...second.items]).toEqual(byName.items.slice(0, 20));
    expect(second.total).toBe(byName.total);
    expect((await store.listActors({ sort: 'name', limit: 10, offset: byName.total })).items).toEqual([]);
  });
});

describe('GraphStore.listActors: both stores alike', () => {
  it('answers identically', ({ skip }) => {
    if (!pages.embedded || !pages.neo4j) return skip('needs both stores');
    expect(pages.neo4j).toEqual(pages.embedded);
  });
});
