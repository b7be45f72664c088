import { beforeAll, describe, expect, it } from 'vitest';
import type { ActorRef, ClaimView } from '../../server/domain/index.ts';
import { claimMatches } from '../../server/store/claim-filter.ts';
import { PAK, seedDocument } from './embedded/fixtures.ts';

/** Seed 001's Al-Qaeda SUPPORTS TTP claim as a view, with fields overridden per case. */
let base: ClaimView;

beforeAll(async () => {
  const { document, claims, actors } = await seedDocument(PAK);
  const claim = claims.find((c) => c.type === 'SUPPORTS')!;
  const ref = (id: string): ActorRef => {
    const { name, kind, aliases } = actors.find((a) => a.id === id)!;
    return { id, name, kind, aliases };
  };
  const { when: _when, ...rest } = claim;
  base = { ...rest, revision: 1, documentTitle: document.title, reliability: document.reliability, subject: ref(claim.subject), object: ref(claim.object) };
});

const dated = (when: string): ClaimView => ({ ...base, when });

describe('claimMatches', () => {
  it('admits every claim when no filter is set', () => {
    expect(claimMatches(base, {})).toBe(true);
  });

  it('tests membership for documents, types, certainty and origin; an empty list admits none', () => {
    expect(claimMatches(base, { documents: [PAK, 'other'] })).toBe(true);
    expect(claimMatches(base, { documents: ['other'] })).toBe(false);
    expect(claimMatches(base, { documents: [] })).toBe(false);
    expect(claimMatches(base, { types: ['SUPPORTS', 'RIVAL_OF'] })).toBe(true);
    expect(claimMatches(base, { types: ['RIVAL_OF'] })).toBe(false);
    expect(claimMatches(base, { certainty: ['reported'] })).toBe(true);
    expect(claimMatches(base, { certainty: ['asserted', 'denied'] })).toBe(false);
    expect(claimMatches(base, { origin: ['curated'] })).toBe(true);
    expect(claimMatches(base, { origin: ['extracted'] })).toBe(false);
  });

  it('needs both ends of the claim among the kinds', () => {
    expect(base.subject.kind).toBe('group');
    expect(claimMatches(base, { kinds: ['group'] })).toBe(true);
    const stateSubject = { ...base, subject: { ...base.subject, kind: 'state' as const } };
    expect(claimMatches(stateSubject, { kinds: ['group'] })).toBe(false);
    expect(claimMatches(stateSubject, { kinds: ['state'] })).toBe(false);
    expect(claimMatches(stateSubject, { kinds: ['state', 'group'] })).toBe(true);
  });

  it('drops undated claims once from or to is set', () => {
    expect(claimMatches(base, { from: '1900' })).toBe(false);
    expect(claimMatches(base, { to: '2999' })).toBe(false);
    expect(claimMatches(dated('2023'), { from: '1900' })).toBe(true);
  });

  it('keeps a dated claim whose interval overlaps [from, to], partial dates widened to whole periods', () => {
    const july = dated('2023-07');
    expect(claimMatches(july, { from: '2023-07-31' })).toBe(true);
    expect(claimMatches(july, { from: '2023-08' })).toBe(false);
    expect(claimMatches(july, { to: '2023-07-01' })).toBe(true);
    expect(claimMatches(july, { to: '2023-06' })).toBe(false);
    expect(claimMatches(july, { from: '2023', to: '2023' })).toBe(true);
    expect(claimMatches(july, { from: '2022', to: '2022' })).toBe(false);
    expect(claimMatches(dated('2023-07-15'), { from: '2023-07-16', to: '2023-12' })).toBe(false);
    expect(claimMatches(dated('2019/2021'), { from: '2021-12-31' })).toBe(true);
    expect(claimMatches(dated('2019/2021'), { from: '2020-03', to: '2020-04' })).toBe(true);
  });

  it('treats open interval ends as unbounded', () => {
    expect(claimMatches(dated('2021/..'), { from: '2090' })).toBe(true);
    expect(claimMatches(dated('2021/..'), { to: '2020-12-31' })).toBe(false);
    expect(claimMatches(dated('../2001'), { to: '1950' })).toBe(true);
    expect(claimMatches(dated('../2001'), { from: '2002' })).toBe(false);
  });

  it("admits a document's grade when it is at least as good as the threshold; F only under F", () => {
    expect(base.reliability).toBe('C');
    expect(claimMatches(base, { reliability: 'B' })).toBe(false);
    expect(claimMatches(base, { reliability: 'C' })).toBe(true);
    expect(claimMatches(base, { reliability: 'F' })).toBe(true);
    const unjudged = { ...base, reliability: 'F' as const };
    expect(claimMatches(unjudged, { reliability: 'E' })).toBe(false);
    expect(claimMatches(unjudged, { reliability: 'F' })).toBe(true);
  });

  it('requires every filter to hold', () => {
    const claim = dated('2024/2025');
    expect(claimMatches(claim, { types: ['SUPPORTS'], kinds: ['group'], from: '2025', reliability: 'D' })).toBe(true);
    expect(claimMatches(claim, { types: ['SUPPORTS'], kinds: ['group'], from: '2026', reliability: 'D' })).toBe(false);
  });
});
