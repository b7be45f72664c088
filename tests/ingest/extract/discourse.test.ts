/**
 * The discourse and front-end pieces on short texts written for them: titles held in the actor
 * the text is about, capitals read as cities where a place is wanted, fragments and titles that
 * never become actors, POS tags at exact offsets, function words read from the lexicon.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitsSignature } from '../../../server/domain/index.ts';
import { extract } from '../../../server/ingest/extract/index.ts';
import { defaultLexicon } from '../../../server/ingest/extract/lexicon.ts';
import { tagTokens } from '../../../server/ingest/extract/pos.ts';
import { tokenize } from '../../../server/ingest/extract/text.ts';
import { loadGazetteer } from '../../../server/ingest/gazetteer.ts';
import { seedsDir } from '../../helpers/seed.ts';

const { index } = await loadGazetteer(join(seedsDir, 'actors.yaml'));
const run = (text: string) => extract({ document: 'test', text, body: [[0, text.length]] }, index);
const triples = (text: string) => run(text).claims.map((c) => `${c.subject} ${c.type} ${c.object}`);

describe('discourse', () => {
  it('holds a title that names no organisation in the state or group the text is about', () => {
    const text = 'The Taliban government rejected the demand. The Taliban have ruled since 2021. Interior Minister Sirajuddin Haqqani spoke on Monday.';
    const member = run(text).claims.find((c) => c.type === 'MEMBER_OF');
    expect(member).toMatchObject({ subject: 'sirajuddin-haqqani', object: 'afghan-taliban', role: 'official' });
  });

  it('holds a title of government in the last state named when the text is about a group', () => {
    const text = 'The TTP attacked a post in Bajaur. The TTP grew in Kunar. The Afghan Taliban government met. Interior Ministry spokesman Abdul Mateen Qani spoke on Monday.';
    const member = run(text).claims.find((c) => c.type === 'MEMBER_OF');
    expect(member).toMatchObject({ subject: 'abdul-mateen-qani', object: 'afghan-taliban' });
  });

  it('prefers the organisation the title names', () => {
    expect(triples('Pakistani Prime Minister Shehbaz Sharif met the delegation.')).toContain('shehbaz-sharif MEMBER_OF pakistan');
  });

  it('reads a capital as its city where a place is wanted, and as its government elsewhere', () => {
    expect(triples('IS-K operatives based in Kabul collect money.')).toContain('is-k OPERATES_IN kabul-city');
    expect(triples('The TTP is close to Kabul.')).toContain('ttp ALLIED_WITH afghan-taliban');
  });

  it('never makes an actor of a fragment or a bare title', () => {
    const { actors } = run('The Islamic Republic of Afghanistan fell. The China-Pakistan Economic Corridor runs through Gwadar. US Army General Michael Kurilla warned the Mullah.');
    const names = actors.map((a) => a.name);
    expect(names).not.toContain('Republic');
    expect(names).not.toContain('Economic Corridor');
    expect(names.some((n) => n.includes('General'))).toBe(false);
    expect(names).not.toContain('Mullah');
  });

  it('proposes only claims inside their signatures', () => {
    const text = 'The TTP operates in Kurram. The attack in Bannu was carried out by the TTP. Jaish al-Adl is based in Iran and attacked Pakistani forces.';
    for (const c of run(text).claims) {
      const kind = (id: string) => index.get(id)?.kind ?? run(text).actors.find((a) => a.id === id)!.kind;
      expect(fitsSignature(c.type, kind(c.subject), kind(c.object)), `${c.subject} ${c.type} ${c.object}`).toBe(true);
    }
  });
});

describe('front end', () => {
  it('tags tokens at their exact offsets', () => {
    const text = 'x\nThe TTP attacked Pakistan’s army.';
    const tokens = tokenize(text, 0, text.length);
    tagTokens(text, 2, text.length, tokens);
    const tag = (word: string) => tokens.find((t) => t.start === text.indexOf(word))?.pos;
    expect(tag('TTP')).toBe('PROPN');
    expect(tag('attacked')).toBe('VERB');
    expect(tag('army')).toBe('NOUN');
    expect(tag('x')).toBeUndefined();
  });

  it('tags a line longer than one tagging piece throughout', () => {
    const text = 'The TTP attacked Pakistan and '.repeat(400);
    const tokens = tokenize(text, 0, text.length);
    tagTokens(text, 0, text.length, tokens);
    expect(tokens.find((t) => t.start === text.lastIndexOf('attacked'))?.pos).toBe('VERB');
  });

  it('reads its function words from the lexicon', () => {
    const { words, bothSides } = defaultLexicon();
    expect(words.conjunctions.has('and')).toBe(true);
    expect(words.relativeOpeners.has('who')).toBe(true);
    expect(bothSides).toContainEqual(['the', 'two', 'sides']);
  });
});
