import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../server/ingest/gazetteer.ts';
import { defaultLexicon } from '../../../server/ingest/extract/lexicon.ts';
import { DocumentContext, findMentions } from '../../../server/ingest/extract/mentions.ts';
import { splitSentences } from '../../../server/ingest/extract/text.ts';
import { seedsDir } from '../../helpers/seed.ts';

const { index } = await loadGazetteer(join(seedsDir, 'actors.yaml'));
const lexicon = defaultLexicon();

/** Mentions of each sentence of `text`, as "surface → id (kind)". */
function mentions(text: string): { found: string[]; ctx: DocumentContext } {
  const ctx = new DocumentContext(index, lexicon);
  const found: string[] = [];
  for (const s of splitSentences(text, [[0, text.length]], lexicon.abbreviations)) {
    for (const m of findMentions(s, ctx)) found.push(`${text.slice(s.tokens[m.first]!.start, s.tokens[m.last]!.end)} → ${m.id} (${m.kind})`);
  }
  return { found, ctx };
}

describe('gazetteer names', () => {
  it('takes the longest name and matches aliases across punctuation', () => {
    expect(mentions('The Pakistani Taliban and ISIS-K met in the U.S. capital.').found).toEqual([
      'Pakistani Taliban → ttp (group)',
      'ISIS-K → is-k (group)',
      'U.S → united-states (state)',
    ]);
  });

  it('matches short acronyms only as written', () => {
    expect(mentions('It is clear to us that IS and the US disagree.').found).toEqual([
      'IS → islamic-state (group)',
      'US → united-states (state)',
    ]);
  });

  it('does not read the Taliban into anti-Taliban', () => {
    expect(mentions('An anti-Taliban militia formed.').found).toEqual([]);
  });
});

describe('acronym definitions', () => {
  it('lets an acronym defined in the text name its actor for the rest of the document', () => {
    const { found, ctx } = mentions('The Baloch Republican Army (BRA) is small. Later the BRA split.');
    expect(found).toEqual(['Baloch Republican Army (BRA) → baloch-republican-army (group)', 'BRA → baloch-republican-army (group)']);
    expect(ctx.discovered.get('baloch-republican-army')).toEqual({ id: 'baloch-republican-army', name: 'Baloch Republican Army', kind: 'group', aliases: ['BRA'] });
  });

  it('gives a known actor a new acronym', () => {
    expect(mentions('Lashkar-e-Taiba (LeT) grew. LeT then split.').found).toEqual([
      'Lashkar-e-Taiba (LeT) → lashkar-e-taiba (group)',
      'LeT → lashkar-e-taiba (group)',
    ]);
  });
});

describe('unknown names', () => {
  it('guesses the kind from cues in, before and after the name', () => {
    const { found } = mentions(
      'The Jundallah Brigade struck. Its commander Abdul Malik Rigi fled. They met in Sistan district. Ansar Hizb regrouped. Umar Farooq, a senior commander, died.',
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'Jundallah Brigade → jundallah-brigade (group)',
        'Abdul Malik Rigi → abdul-malik-rigi (person)',
        'Sistan → sistan (place)',
        'Ansar Hizb → ansar-hizb (group)',
        'Umar Farooq → umar-farooq (person)',
      ]),
    );
  });

  it('leaves capitalised words without a cue alone', () => {
    expect(mentions('The New Face of Counter-Terrorism Challenges').found).toEqual([]);
  });
});

describe('coreference', () => {
  it('resolves "the group" to the last group and "the attack" to the last event', () => {
    const { found } = mentions('The Khar bombing shocked Bajaur. The attack was claimed by IS-K. The group later denied it.');
    expect(found).toEqual(
      expect.arrayContaining(['The attack → khar-rally-bombing-2023 (event)', 'The group → is-k (group)']),
    );
  });
});
