/**
 * The embedded store's journal keeps the analyst's work: after claim changes, a rejection, a
 * re-extraction and an added actor, reopening the journal gives the same claims, graph,
 * history, rejections and added actors.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, expect, it } from 'vitest';
import { addActor, createClaim, retractClaim, reviewClaim, updateClaim } from '../../../server/store/claim-changes.ts';
import { EmbeddedStore } from '../../../server/store/embedded/index.ts';
import { extractedUpsert, QUEUE } from '../../helpers/extracted.ts';
import { seedStore } from '../../helpers/seed.ts';

const PAK = '001_977e6d2ceaf3d2f9';
const WHOLE = { maxNodes: 100_000, maxEdges: 100_000 };
const alice = { analyst: 'alice' };
let dir: string;
afterAll(() => rm(dir, { recursive: true, force: true }));

async function snapshot(store: EmbeddedStore, ids: string[]) {
  return {
    claims: await store.allClaims({}),
    graph: await store.graph({}, WHOLE),
    history: await Promise.all(ids.map((id) => store.claimHistory(id))),
    rejections: await store.rejections([PAK, QUEUE]),
    added: await store.addedActors(),
  };
}

it('replays claim changes, rejections and added actors from the journal', async () => {
  dir = await mkdtemp(join(tmpdir(), 'dyad-annotations-'));
  const quiet = pino({ level: 'silent' });
  const store = new EmbeddedStore({ dataDir: dir, logger: quiet });
  await store.open();
  await seedStore(store);
  const queue = await extractedUpsert();
  await store.putDocument(queue);
  const pak = await store.documentClaims([PAK], {});
  const first = pak.find((c) => c.type === 'CLASHES_WITH')!;
  const second = pak.find((c) => c.type === 'COUNTERS')!;
  const edited = await updateClaim(store, first.id, { revision: 1, subject: first.object.id, object: first.subject.id, note: 'turned' }, alice);
  await retractClaim(store, second.id, 1, alice);
  const actor = await addActor(store, { name: 'Replay Front', kind: 'group' });
  const created = await createClaim(store, { document: PAK, subject: actor.id, type: 'CLASHES_WITH', object: 'pakistan', certainty: 'alleged', quote: first.quote, start: first.start, end: first.end }, alice);
  const [rejected] = await store.documentClaims([QUEUE], {});
  await reviewClaim(store, rejected!.id, { decision: 'reject', revision: 1 }, alice);
  await store.putDocument({ ...queue, document: { ...queue.document, hash: `${queue.document.hash}-again` } });
  const ids = [first.id, edited.id, second.id, created.id, rejected!.id];
  const before = await snapshot(store, ids);
  expect(before.claims.map((c) => c.id)).not.toContain(rejected!.id);
  await store.close();

  const reopened = new EmbeddedStore({ dataDir: dir, logger: quiet });
  await reopened.open();
  try {
    expect(await snapshot(reopened, ids)).toEqual(before);
  } finally {
    await reopened.close();
  }
});
