import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClaimRecord } from '../../../server/domain/index.ts';
import { AliasIndex } from '../../../server/ingest/alias-index.ts';
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

describe('events, implied actors and clause structure', () => {
  it('resolves an unnamed event description to the gazetteer event its noun, place and year fit', () => {
    const text = 'The suicide bombing at a mosque in Peshawar in January 2023 killed 80 people. The attack was claimed by the TTP.';
    expect(summary(text)).toEqual([
      'peshawar-mosque-bombing-2023 LOCATED_IN peshawar asserted',
      'ttp PERPETRATED peshawar-mosque-bombing-2023 asserted',
    ]);
    expect(claimsOf(text).find((c) => c.type === 'PERPETRATED')).toMatchObject({ claimed: true });
    // A year that does not fit names no gazetteer event: the description becomes a new one.
    expect(summary('The suicide bombing at a mosque in Peshawar in 2010 was claimed by the TTP.').sort()).toEqual([
      'bombing-in-peshawar-2010 LOCATED_IN peshawar asserted',
      'ttp PERPETRATED bombing-in-peshawar-2010 asserted',
    ]);
  });

  it('makes a new event actor of an unnamed event only when the text says who made it', () => {
    const { claims, actors } = extract(
      { document: 't', text: 'The TTP claimed responsibility for the attack on a police station in Bannu in 2024.', body: [[0, 84]] },
      index,
    );
    expect(claims.find((c) => c.type === 'PERPETRATED')).toMatchObject({ subject: 'ttp', object: 'attack-in-bannu-2024', claimed: true });
    expect(claims.find((c) => c.type === 'LOCATED_IN')).toMatchObject({ subject: 'attack-in-bannu-2024', object: 'bannu' });
    expect(actors).toEqual([{ id: 'attack-in-bannu-2024', name: 'attack in Bannu (2024)', kind: 'event', aliases: [] }]);
    expect(summary('Security forces killed two militants in a raid near Khar.')).toEqual([]);
  });

  it('reads who made an event, and where, from inside its name', () => {
    expect(summary('Many welcomed the Taliban takeover.')).toEqual(['afghan-taliban PERPETRATED taliban-takeover-2021 asserted']);
    expect(summary('He was linked to the 2021 Kabul airport bombing.')).toEqual(['kabul-airport-bombing-2021 LOCATED_IN kabul-city asserted']);
  });

  it('reads "both sides" and "the two sides" as the two actors named before', () => {
    expect(summary('Pakistan and the Taliban met in Doha after clashes between the two sides.')).toContain('pakistan CLASHES_WITH afghan-taliban asserted');
    expect(summary('ISIS-K kept clashing with the Taliban as both sides competed for dominance.')).toContain('is-k RIVAL_OF afghan-taliban asserted');
  });

  it('adds the places a "particularly" list names, inside the place before it', () => {
    expect(summary("The Haqqani Network is active in Afghanistan's east, particularly Khost and neighbouring Nangarhar.").sort()).toEqual([
      'haqqani-network OPERATES_IN afghanistan asserted',
      'haqqani-network OPERATES_IN khost asserted',
      'haqqani-network OPERATES_IN nangarhar asserted',
      'khost LOCATED_IN afghanistan asserted',
      'nangarhar LOCATED_IN afghanistan asserted',
    ]);
  });

  it('gives a role in apposition the group the text is about', () => {
    const text = 'The BLA lost several leaders in 2024. Officials confirmed the death of Aslam Baloch, a senior commander in Quetta.';
    expect(summary(text)).toContain('aslam-baloch MEMBER_OF bla reported/officials');
    expect(summary(text).filter((s) => s.startsWith('bla '))).toEqual([]);
  });

  it('gives an infinitive of purpose and a coordinated verb the clause subject', () => {
    expect(summary('In 2024, Pakistan closed the border crossings to pressure the Taliban.')).toEqual(['pakistan PRESSURES afghan-taliban asserted']);
    expect(summary('The TIP cooperates closely with Al-Qaeda and sends fighters to Syria.')).toEqual([
      'tip ALLIED_WITH al-qaeda asserted',
      'tip OPERATES_IN syria asserted',
    ]);
  });

  it('reads a possessive pronoun in apposition as the sentence subject, not the name it follows', () => {
    expect(summary('The Taliban see the TTP as a useful force against the Islamic State Khorasan Province (ISKP), their main internal rival.')).toEqual([
      'is-k RIVAL_OF afghan-taliban asserted',
    ]);
  });

  it('hands a relative clause the whole list before it, and a helper the act it helps with', () => {
    expect(summary('Kabul has not acted against IS-K and the TTP, which often operate in tandem with foreign fighters.').sort()).toEqual([
      'is-k ALLIED_WITH foreign-fighters asserted',
      'ttp ALLIED_WITH foreign-fighters asserted',
    ]);
    expect(summary('Pakistani authorities, with the assistance of U.S. intelligence, arrested Mohammad Sharifullah.')).toEqual(
      expect.arrayContaining(['pakistan COUNTERS mohammad-sharifullah asserted', 'united-states COUNTERS mohammad-sharifullah asserted']),
    );
  });

  it('lets a first conjunct borrow the head noun of the second', () => {
    expect(summary('The TTP draws fighters from Central Asian and Arab states.').sort()).toEqual([
      'ttp RECRUITS_FROM arab-states asserted',
      'ttp RECRUITS_FROM central-asian-states asserted',
    ]);
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
      // The sanctuary alleged is a presence alleged, on the same word.
      'ttp OPERATES_IN afghanistan alleged/pakistan',
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

describe('a gazetteer that grows', () => {
  it('is read afresh once it holds new actors, though the extractor keeps what it worked out from it', () => {
    const grown = new AliasIndex(index.actors);
    grown.add({ id: 'zorbia', name: 'Zorbia', kind: 'state', aliases: [] });
    const text = 'The Zorbia Liberation Front attacked Zorbia. Zorbia Liberation Front fighters operate in Zorbia.';
    const triples = () => extract({ document: 'test', text, body: [[0, text.length]] }, grown).claims.map((c) => `${c.subject} ${c.type} ${c.object}`);
    expect(triples()).not.toContain('zlf CLASHES_WITH zorbia');
    grown.add({ id: 'zlf', name: 'Zorbia Liberation Front', kind: 'group', aliases: [] });
    grown.add({ id: 'zorbia-city', name: 'Zorbia city', kind: 'place', aliases: [] });
    expect(triples()).toEqual(expect.arrayContaining(['zlf CLASHES_WITH zorbia', 'zlf OPERATES_IN zorbia-city']));
  });
});
