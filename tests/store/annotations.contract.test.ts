/**
 * The GraphStore contract for the analyst's writes (issue 12), run against both stores on the
 * seed corpus: create, update, correct, accept, reject, retract, history, added actors, and
 * two writes naming one revision at once. After every change the stored relation aggregates
 * equal the aggregate of the claims (the shared oracle, server/graph/aggregate.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimView, SerializedGraph } from '../../server/domain/index.ts';
import { Conflict, InvalidInput, NotFound } from '../../server/errors.ts';
import { aggregate, serialize } from '../../server/graph/aggregate.ts';
import { addActor, createClaim, retractClaim, reviewClaim, updateClaim } from '../../server/store/claim-changes.ts';
import type { DocumentUpsert, GraphStore } from '../../server/store/graph-store.ts';
import { extractedUpsert, QUEUE } from '../helpers/extracted.ts';
import { seedStore } from '../helpers/seed.ts';
import { storeCases } from '../helpers/stores.ts';

const WHOLE = { maxNodes: 100_000, maxEdges: 100_000 };
const PAK = '001_977e6d2ceaf3d2f9';
const alice = { analyst: 'alice' };
const bob = { analyst: 'bob' };

function expectedGraph(all: ClaimView[]): SerializedGraph {
  const graph = serialize(aggregate(all));
  return { ...graph, attributes: { ...graph.attributes, totalNodes: graph.nodes.length, totalEdges: graph.edges.length } };
}

async function claimsOf(store: GraphStore, document: string): Promise<ClaimView[]> {
  return (await store.findClaims({ document, limit: 1000, offset: 0 })).items;
}

describe.each(storeCases)('annotations contract: $name store', (storeCase) => {
  (storeCase.skip ? describe.skip : describe)(storeCase.skip ? `skipped: ${storeCase.skip}` : 'on the seeds', () => {
    let store: GraphStore;
    let queue: DocumentUpsert;
    beforeAll(async () => {
      store = await storeCase.open();
      await seedStore(store);
      queue = await extractedUpsert();
      expect(await store.putDocument(queue)).toBe('updated');
    });
    afterAll(() => store?.close());

    const aggregatesHold = async () => expect(await store.graph({}, WHOLE)).toEqual(expectedGraph(await store.allClaims({})));

    it('reads one claim with revision 1 after ingest; NotFound for an unknown id', async () => {
      const [first] = await claimsOf(store, PAK);
      expect(await store.getClaim(first!.id)).toEqual({ ...first, revision: 1 });
      await expect(store.getClaim('no-such-claim')).rejects.toBeInstanceOf(NotFound);
      await expect(store.claimHistory('no-such-claim')).rejects.toBeInstanceOf(NotFound);
      expect(await store.claimHistory(first!.id)).toEqual([]);
    });

    it('creates a curated claim at an exact span; the same claim again is a Conflict; bad drafts are InvalidInput naming the field', async () => {
      const support = (await claimsOf(store, PAK)).find((c) => c.type === 'SUPPORTS')!;
      // The reverse direction at the same span: a new claim.
      const draft = {
        document: PAK,
        subject: support.object.id,
        type: 'SUPPORTS' as const,
        object: support.subject.id,
        certainty: 'speculative' as const,
        quote: support.quote,
        start: support.start,
        end: support.end,
        note: 'made in a test',
      };
      const created = await createClaim(store, draft, alice);
      expect(created).toMatchObject({ origin: 'curated', revision: 1, subject: { id: support.object.id }, note: 'made in a test' });
      expect(await store.getClaim(created.id)).toEqual(created);
      await aggregatesHold();
      await expect(createClaim(store, draft, bob)).rejects.toBeInstanceOf(Conflict);
      const fault = async (change: Record<string, unknown>) => {
        const error = await createClaim(store, { ...draft, ...change }, alice).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidInput);
        return (error as InvalidInput).where?.parameter;
      };
      expect(await fault({ quote: `${support.quote}x` })).toBe('quote');
      expect(await fault({ subject: 'atlantis' })).toBe('subject');
      expect(await fault({ type: 'PERPETRATED' })).toBe('type');
      await expect(createClaim(store, { ...draft, document: 'no-such-document' }, alice)).rejects.toBeInstanceOf(NotFound);
      const history = await store.claimHistory(created.id);
      expect(history).toEqual([{ at: expect.any(String), analyst: 'alice', action: 'create', claim: created.id, after: created }]);
    });

    it('updates in place (revision + 1), and a changed identity gives a new id linked by history; stale revisions are Conflicts', async () => {
      const claim = (await claimsOf(store, PAK)).find((c) => c.type === 'CLASHES_WITH')!;
      const updated = await updateClaim(store, claim.id, { revision: 1, certainty: 'alleged', when: '2024' }, alice);
      expect(updated).toMatchObject({ id: claim.id, revision: 2, certainty: 'alleged', when: '2024' });
      await expect(updateClaim(store, claim.id, { revision: 1, certainty: 'reported' }, bob)).rejects.toBeInstanceOf(Conflict);
      const cleared = await updateClaim(store, claim.id, { revision: 2, when: null }, bob);
      expect(cleared.when).toBeUndefined();
      const reversed = await updateClaim(store, claim.id, { revision: 3, subject: claim.object.id, object: claim.subject.id }, bob);
      expect(reversed.id).not.toBe(claim.id);
      expect(reversed).toMatchObject({ revision: 4, subject: { id: claim.object.id }, object: { id: claim.subject.id } });
      await expect(store.getClaim(claim.id)).rejects.toBeInstanceOf(NotFound);
      const stale = await updateClaim(store, claim.id, { revision: 4, certainty: 'asserted' }, alice).catch((e: unknown) => e);
      expect(stale).toBeInstanceOf(Conflict);
      expect((stale as Conflict).message).toContain(reversed.id);
      await aggregatesHold();
      const history = await store.claimHistory(claim.id);
      expect(history.map((h) => [h.action, h.analyst, h.claim, h.previousId])).toEqual([
        ['update', 'alice', claim.id, undefined],
        ['update', 'bob', claim.id, undefined],
        ['update', 'bob', reversed.id, claim.id],
      ]);
      expect(history[0]!.before).toEqual(claim);
      expect(history[2]!.after).toEqual(reversed);
      expect(await store.claimHistory(reversed.id)).toEqual(history);
    });

    it('reviews extracted claims: accept makes it curated, reject removes it and keeps it out when the document is extracted again', async () => {
      const [accepted, rejected, corrected] = await claimsOf(store, QUEUE);
      const done = await reviewClaim(store, accepted!.id, { decision: 'accept', revision: 1 }, alice);
      expect(done).toMatchObject({ id: accepted!.id, origin: 'curated', revision: 2 });
      expect(done.confidence).toBeUndefined();
      await expect(reviewClaim(store, accepted!.id, { decision: 'reject', revision: 2 }, alice)).rejects.toBeInstanceOf(InvalidInput);
      expect(await reviewClaim(store, rejected!.id, { decision: 'reject', revision: 1 }, bob)).toEqual(rejected);
      await expect(store.getClaim(rejected!.id)).rejects.toBeInstanceOf(NotFound);
      await expect(reviewClaim(store, rejected!.id, { decision: 'accept', revision: 1 }, alice)).rejects.toBeInstanceOf(Conflict);
      const fixed = await updateClaim(store, corrected!.id, { revision: 1, certainty: 'denied' }, alice);
      expect(fixed).toMatchObject({ origin: 'curated', revision: 2, certainty: 'denied' });
      expect((await store.claimHistory(corrected!.id)).map((h) => h.action)).toEqual(['correct']);
      await aggregatesHold();
      expect((await store.rejections([QUEUE])).map((r) => r.id)).toEqual([rejected!.id]);

      // The document extracted again (a new hash, the same candidates): the rejected one stays out.
      const again = { ...queue, document: { ...queue.document, hash: `${queue.document.hash}-again` } };
      expect(await store.putDocument(again)).toBe('updated');
      const ids = (await claimsOf(store, QUEUE)).map((c) => c.id);
      expect(ids).toContain(accepted!.id);
      expect(ids).not.toContain(rejected!.id);
      await aggregatesHold();
    });

    it('retracts a claim: gone from evidence and graph, kept by history', async () => {
      const claim = (await claimsOf(store, PAK)).find((c) => c.origin === 'curated' && c.revision === 1)!;
      await expect(retractClaim(store, claim.id, 2, alice)).rejects.toBeInstanceOf(Conflict);
      expect(await retractClaim(store, claim.id, 1, alice)).toEqual(claim);
      expect((await claimsOf(store, PAK)).map((c) => c.id)).not.toContain(claim.id);
      await aggregatesHold();
      expect(await store.claimHistory(claim.id)).toEqual([{ at: expect.any(String), analyst: 'alice', action: 'retract', claim: claim.id, before: claim }]);
      const again = await retractClaim(store, claim.id, 1, alice).catch((e: unknown) => e);
      expect(again).toBeInstanceOf(Conflict);
    });

    it('of two writes naming one revision at once, exactly one lands', async () => {
      const claims = (await claimsOf(store, PAK)).filter((c) => c.revision === 1).slice(0, 3);
      for (const claim of claims) {
        const changes = (await store.claimHistory(claim.id)).length;
        const outcomes = await Promise.allSettled([
          updateClaim(store, claim.id, { revision: 1, certainty: 'alleged' }, alice),
          updateClaim(store, claim.id, { revision: 1, note: 'read otherwise', certainty: 'speculative' }, bob),
          retractClaim(store, claim.id, 1, bob),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(Conflict);
        expect(await store.claimHistory(claim.id)).toHaveLength(changes + 1);
      }
      await aggregatesHold();
    });

    it('adds actors to the gazetteer: searchable, listed as added; a taken id or name is a Conflict', async () => {
      const actor = await addActor(store, { name: 'Lashkar-e-Test', kind: 'group', aliases: ['LeT-X'] });
      expect(actor).toEqual({ id: 'lashkar-e-test', name: 'Lashkar-e-Test', kind: 'group', aliases: ['LeT-X'] });
      expect(await store.addedActors()).toEqual([actor]);
      expect((await store.searchActors('let-x', { limit: 5 }))[0]).toMatchObject({ id: 'lashkar-e-test', claims: 0 });
      await expect(addActor(store, { name: 'Someone else', kind: 'group', id: 'lashkar-e-test' })).rejects.toBeInstanceOf(Conflict);
      await expect(addActor(store, { name: 'TTP', kind: 'group' })).rejects.toBeInstanceOf(Conflict);
      await expect(addActor(store, { name: 'New front', kind: 'group', aliases: ['Tehrik-i-Taliban Pakistan'] })).rejects.toBeInstanceOf(Conflict);
      const claim = (await claimsOf(store, PAK)).find((c) => c.type === 'SUPPORTS' && c.revision === 1)!;
      const { type, object, quote, start, end } = claim;
      const created = await createClaim(store, { document: PAK, subject: actor.id, type, object: object.id, certainty: 'speculative', quote, start, end }, alice);
      expect(created.subject).toEqual({ id: actor.id, name: actor.name, kind: 'group', aliases: ['LeT-X'] });
      await aggregatesHold();
    });
  });
});
