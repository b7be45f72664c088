import { describe, expect, it } from 'vitest';
import { ClaimView } from '../../../server/domain/index.ts';
import { changes } from '../../../client/src/panels/claim-history.ts';

const actor = (id: string, name: string) => ({ id, name, kind: 'group' as const, aliases: [] });
const base = ClaimView.parse({
  id: 'c1',
  document: 'doc',
  documentTitle: 'Doc',
  reliability: 'C',
  subject: actor('ttp', 'TTP'),
  type: 'CLASHES_WITH',
  object: actor('pakistan', 'Pakistan'),
  certainty: 'asserted',
  quote: 'The TTP clashed with Pakistani security forces.',
  start: 0,
  end: 47,
  origin: 'extracted',
  confidence: 0.65,
});

describe('changes', () => {
  it('names a flipped direction as such, not as two actor changes', () => {
    const after = { ...base, subject: base.object, object: base.subject, origin: 'curated' as const };
    expect(changes(base, after)).toEqual(['direction flipped: now Pakistan → TTP']);
  });

  it('lists each changed field from what to what, an absent value as a dash', () => {
    const after = { ...base, certainty: 'alleged' as const, when: '2025-09', object: actor('bla', 'BLA') };
    expect(changes(base, after)).toEqual(['object: Pakistan → BLA', 'certainty: asserted → alleged', 'when: — → 2025-09']);
    expect(changes(after, { ...after, when: undefined })).toEqual(['when: 2025-09 → —']);
  });

  it('says nothing without both versions (a creation, a retraction) or when nothing changed', () => {
    expect(changes(undefined, base)).toEqual([]);
    expect(changes(base, undefined)).toEqual([]);
    expect(changes(base, { ...base, origin: 'curated', revision: 2 })).toEqual([]);
  });
});
