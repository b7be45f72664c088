import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClaimRecord } from '../../../server/domain/index.ts';
import { extract } from '../../../server/ingest/extract/index.ts';
import { loadGazetteer } from '../../../server/ingest/gazetteer.ts';
import { checkSeeds } from '../../../server/ingest/seed-dir.ts';
import { seedsDir } from '../../helpers/seed.ts';

const { index } = await loadGazetteer(join(seedsDir, 'actors.yaml'));

function claimsOf(text: string) {
  return extract({ document: 'test', text, body: [[0, text.length]] }, index).claims;
}

/** "subject TYPE object certainty[/attributedTo]" for each claim. */
function summary(text: string): string[] {
  return claimsOf(text).map((c) => `${c.subject} ${c.type} ${c.object} ${c.certainty}${c.attributedTo ? `/${c.attributedTo}` : ''}`);
}

describe('relation patterns', () => {
  it('reads active and passive voice in the right direction', () => {
    expect(summary('The TTP attacked the Pakistan Army.')).toEqual(['ttp CLASHES_WITH pakistan-army asserted']);
    expect(summary('The Pakistan Army was attacked by the TTP.')).toEqual(['ttp CLASHES_WITH pakistan-army asserted']);
    expect(summary('Hafiz Saeed was arrested by Pakistani authorities.')).toEqual(['pakistan COUNTERS hafiz-saeed asserted']);
  });

  it('marks a claim of responsibility as claimed', () => {
    const [claim] = claimsOf('The Khar bombing shocked Bajaur. The attack was claimed by IS-K.').filter((c) => c.type === 'PERPETRATED');
    expect(claim).toMatchObject({ subject: 'is-k', object: 'khar-rally-bombing-2023', claimed: true });
  });

  it('respects the kinds a type admits: a state that kills militants counters them', () => {
    expect(summary('Pakistan killed TTP fighters in Bajaur.')).toContain('pakistan COUNTERS ttp asserted');
    expect(summary('Pakistan killed TTP fighters in Bajaur.')).not.toContain('pakistan CLASHES_WITH ttp asserted');
  });

  it('expands coordinated lists for symmetric relations', () => {
    expect(summary('The TTP, BLA and TIP trade manpower.').sort()).toEqual([
      'bla ALLIED_WITH tip asserted',
      'ttp ALLIED_WITH bla asserted',
      'ttp ALLIED_WITH tip asserted',
    ]);
  });

  it('sets the support mode and the member role from the cue', () => {
    const [support] = claimsOf('Al-Qaeda trains the TTP.');
    expect(support).toMatchObject({ type: 'SUPPORTS', mode: ['training'] });
    const [member] = claimsOf('Taliban spokesperson Zabihullah Mujahid spoke.');
    expect(member).toMatchObject({ subject: 'zabihullah-mujahid', type: 'MEMBER_OF', object: 'afghan-taliban', role: 'spokesperson' });
  });

  it('finds relations of actors the gazetteer does not know, with their acronyms', () => {
    const { claims, actors } = extract(
      {
        document: 't',
        text: 'The Baloch Republican Army (BRA) is small. The BRA attacked Pakistan.',
        body: [[0, 70]],
      },
      index,
    );
    expect(claims.map((c) => `${c.subject} ${c.type} ${c.object}`)).toEqual(['baloch-republican-army CLASHES_WITH pakistan']);
    expect(actors).toEqual([{ id: 'baloch-republican-army', name: 'Baloch Republican Army', kind: 'group', aliases: ['BRA'] }]);
  });
});

describe('certainty and attribution', () => {
  it('asserted by default', () => {
    expect(summary('Al-Qaeda supports the TTP.')).toEqual(['al-qaeda SUPPORTS ttp asserted']);
  });

  it('reported when the author cites a source', () => {
    expect(summary('Intelligence reports confirm that Al-Qaeda supports the TTP.')).toEqual(['al-qaeda SUPPORTS ttp reported/intelligence reports']);
    expect(summary('According to the UN Monitoring Team, Al-Qaeda supports the TTP.')).toEqual([
      'al-qaeda SUPPORTS ttp reported/un-monitoring-team',
    ]);
  });

  it('alleged when the relation is an accusation, attributed to the accuser', () => {
    expect(summary('Pakistan accuses the Taliban of harbouring the TTP.').sort()).toEqual([
      'afghan-taliban SUPPORTS ttp alleged/pakistan',
      'pakistan ACCUSES afghan-taliban asserted',
    ]);
  });

  it('speculative when hedged', () => {
    expect(summary('Several analysts argue that Pakistan may have facilitated the BLA.')).toEqual([
      'pakistan SUPPORTS bla speculative/several analysts',
    ]);
    expect(summary('Al-Qaeda reportedly trains the TTP.')).toEqual(['al-qaeda SUPPORTS ttp speculative']);
  });

  it('denied, attributed to the party that denies', () => {
    expect(summary('Kabul denies harbouring the TTP.')).toEqual(['afghan-taliban SUPPORTS ttp denied/afghan-taliban']);
    expect(summary('Senior Taliban officials have publicly disavowed formal links with the TTP and BLA.').sort()).toEqual([
      'afghan-taliban ALLIED_WITH bla denied/afghan-taliban',
      'afghan-taliban ALLIED_WITH ttp denied/afghan-taliban',
    ]);
  });

  it('reads an accusation followed by a denial twice: alleged, then denied', () => {
    const text = 'Islamabad accused the Taliban regime of aiding the TTP, a charge that Kabul continues to deny.';
    const support = claimsOf(text).filter((c) => c.type === 'SUPPORTS');
    expect(support.map((c) => [c.certainty, c.attributedTo, c.quote])).toEqual([
      ['alleged', 'pakistan', 'Islamabad accused the Taliban regime of aiding the TTP'],
      ['denied', 'afghan-taliban', text],
    ]);
  });

  it('drops what the author negates and no one is quoted as denying', () => {
    expect(summary('The TTP did not attack Pakistan.')).toEqual([]);
  });
});

describe('claims', () => {
  it('dates a claim from the sentence, not from dates inside names', () => {
    const [claim] = claimsOf('In March 2025, Pakistani authorities arrested Mohammad Sharifullah.');
    expect(claim).toMatchObject({ type: 'COUNTERS', when: '2025-03' });
    expect(claimsOf('In 2015, the Islamic State established its Khorasan Province (ISIS-K) as an extension of its global network.')[0]).toMatchObject({
      subject: 'is-k',
      type: 'AFFILIATE_OF',
      object: 'islamic-state',
      when: '2015',
    });
  });

  it('are valid records whose quotes sit at their offsets, inside the body, on every seed', async () => {
    const { documents } = await checkSeeds(seedsDir);
    let total = 0;
    for (const { prepared } of documents) {
      const doc = prepared.upsert!.document;
      const { claims } = extract({ document: doc.id, text: doc.text, body: doc.body }, index);
      total += claims.length;
      for (const c of claims) {
        expect(ClaimRecord.parse(c)).toEqual(c);
        expect(c.origin).toBe('extracted');
        expect(doc.text.slice(c.start, c.end)).toBe(c.quote);
        expect(doc.body.some(([s, e]) => c.start >= s && c.end <= e)).toBe(true);
        expect(c.confidence).toBeGreaterThan(0);
        expect(c.confidence).toBeLessThanOrEqual(1);
      }
      const again = extract({ document: doc.id, text: doc.text, body: doc.body }, index);
      expect(again.claims.map((c) => c.id)).toEqual(claims.map((c) => c.id));
    }
    expect(total).toBeGreaterThan(30);
  });
});
