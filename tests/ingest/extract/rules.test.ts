/**
 * The linguistic rules of the extractor, one short text each (written for these tests): headings,
 * appositions, possessors of a part, compounds, nominal agents, coreference by surname and by
 * description, nested cues, and the part of speech that keeps a noun from acting as a verb cue.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../../server/ingest/extract/index.ts';
import { defaultLexicon } from '../../../server/ingest/extract/lexicon.ts';
import { splitSentences } from '../../../server/ingest/extract/text.ts';
import { loadGazetteer } from '../../../server/ingest/gazetteer.ts';
import { seedsDir } from '../../helpers/seed.ts';

const { index } = await loadGazetteer(join(seedsDir, 'actors.yaml'));
const run = (text: string) => extract({ document: 'test', text, body: [[0, text.length]] }, index);
const triples = (text: string) => run(text).claims.map((c) => `${c.subject} ${c.type} ${c.object}`);

describe('sentences', () => {
  it('reads a short unpunctuated line before a blank line as a heading that claims nothing', () => {
    expect(triples('The TTP attacks Pakistan again\n\nOfficials met on Monday.')).toEqual([]);
    expect(triples('The TTP attacked Pakistan.\n\nOfficials met on Monday.')).toContain('ttp CLASHES_WITH pakistan');
    // Names in a heading still teach the text its acronyms.
    expect(triples('Jamaat Sentinel Front (JSF) in Focus\n\nThe JSF attacked Pakistan.')).toContain('jamaat-sentinel-front CLASHES_WITH pakistan');
  });

  it('ends a sentence after a hyphenated acronym, but not after U.K.', () => {
    const text = 'Money reached IS-K. Later the U.K. listed it.';
    const sentences = splitSentences(text, [[0, text.length]], defaultLexicon().abbreviations).map((s) => text.slice(s.start, s.end));
    expect(sentences).toEqual(['Money reached IS-K.', 'Later the U.K. listed it.']);
  });
});

describe('appositions and titles', () => {
  it('holds a person in the institution an apposition names', () => {
    expect(triples('Nadia Farooqi, a senior fellow at the Larkana Policy Institute, wrote the report.')).toContain(
      'nadia-farooqi MEMBER_OF larkana-policy-institute',
    );
  });

  it('never places an institutional post in the group the text is about', () => {
    const claims = triples('The TTP attacked Pakistan. The TTP attacked it again. Nadia Farooqi, a senior fellow, wrote about it.');
    expect(claims.filter((c) => c.includes('MEMBER_OF'))).toEqual([]);
  });

  it('reads a financier in apposition as a member of the group named in it', () => {
    expect(triples('Police detained Ahmad Karimov, a prominent ISKP financial facilitator, in Dushanbe.')).toContain('ahmad-karimov MEMBER_OF is-k');
  });

  it('lets honorifics stand between a title and its holder', () => {
    const text = 'The Taliban rejected the plan. The Taliban closed the schools. Defence Minister Mullah Mohammad Yaqub spoke to the press.';
    expect(triples(text)).toContain('mullah-yaqub MEMBER_OF afghan-taliban');
  });

  it('does not read a capitalised word inside a title as a verb cue', () => {
    const claims = triples('Mr Rahim Khan of the Armed Forces Command met the TTP delegation.');
    expect(claims.filter((c) => c.includes('SUPPORTS'))).toEqual([]);
  });
});

describe('discourse', () => {
  it('keeps the owner of a branch from acting, and the branch as the latest actor', () => {
    const claims = triples('AQIS, al-Qaeda’s branch in South Asia, grew quickly. It remains a rival to the Islamic State.');
    expect(claims).not.toContain('al-qaeda OPERATES_IN south-asia');
    expect(claims).toContain('aqis RIVAL_OF islamic-state');
    expect(claims).not.toContain('al-qaeda RIVAL_OF islamic-state');
  });

  it('names a person by surname once the text has named them in full', () => {
    expect(triples('Imran Qadir, a spokesman for the TTP, spoke on Monday. Later Qadir accused Pakistan of lying.')).toContain('imran-qadir ACCUSES pakistan');
  });

  it('resolves "the porous border" to the border the text named, and never guesses a place', () => {
    expect(triples('The TTP crossed the Pak-Afghan border. It can operate freely across the porous border.')).toContain('ttp OPERATES_IN pak-afghan-border');
    expect(triples('Kunar is calm. The TTP can operate freely across the porous border.').filter((c) => c.includes('OPERATES_IN'))).toEqual([]);
    expect(triples('The TTP crossed the Pak-Afghan border. It is active in the border region of Bajaur.')).not.toContain('ttp OPERATES_IN pak-afghan-border');
  });

  it('resolves a description with modifiers to the latest actor of its kind', () => {
    expect(triples('Jaish al-Adl claimed the raid. The shadowy group is based in Iran.')).toContain('jaish-al-adl OPERATES_IN iran');
  });

  it('reads a pronoun opening a sentence as the previous sentence’s subject', () => {
    const claims = triples('The TTP attacked an army post. Pakistan blamed Kabul. Later, they were at odds with the Islamic State.');
    expect(claims).toContain('pakistan RIVAL_OF islamic-state');
    expect(claims).not.toContain('afghan-taliban RIVAL_OF islamic-state');
  });

  it('gives an infinitive after a verb’s object to the verb’s subject, unless the verb hands it on', () => {
    const claims = triples('India uses the BLA to keep leverage against Pakistan.');
    expect(claims).toContain('india RIVAL_OF pakistan');
    expect(claims).not.toContain('bla RIVAL_OF pakistan');
    expect(triples('China urged the Taliban to act against the TTP.')).not.toContain('china COUNTERS ttp');
    expect(triples('Beijing noted U.S. plans to keep troops in Afghanistan.')).not.toContain('china OPERATES_IN afghanistan');
  });

  it('reads "both groups" and "the two countries" in a later sentence as the last two of their kind', () => {
    expect(triples('The Afghan Taliban hosts the TTP. First, both groups share deep ideological ties.')).toContain('afghan-taliban ALLIED_WITH ttp');
    const claims = triples('Pakistan and India met the TTP in May. The two countries later clashed.');
    expect(claims).toContain('pakistan CLASHES_WITH india');
    expect(claims.filter((c) => c.includes('CLASHES_WITH ttp'))).toEqual([]);
  });

  it('reads "both countries" after a cue as the last two states named before', () => {
    const claims = triples('Pakistan and India met in May. Iran, which is on good terms with both countries, offered talks.');
    expect(claims).toEqual(expect.arrayContaining(['iran ALLIED_WITH pakistan', 'iran ALLIED_WITH india']));
  });

  it('reads "security forces" as the last state named, unless a name qualifies them', () => {
    expect(triples('Pakistan faces the TTP. Later, security agencies arrested several TTP commanders.')).toContain('pakistan COUNTERS ttp');
    const claims = triples('Pakistan faces the TTP. Iranian security forces arrested several BLA commanders.');
    expect(claims).toContain('iran COUNTERS bla');
    expect(claims).not.toContain('pakistan COUNTERS bla');
  });

  it('reads the name after "with" as the agent of the participle after it, whose pronoun object is someone else', () => {
    const claims = triples('Pakistan blamed Kabul. Recruits now fill the TTP ranks, with the Taliban regime actively financing their movement.');
    expect(claims).toContain('afghan-taliban SUPPORTS ttp');
    expect(claims).not.toContain('ttp SUPPORTS afghan-taliban');
  });

  it('takes a reflexive inside the cue as its agent', () => {
    const claims = triples('In 2020, Al-Qaeda set up AQIS as a new branch, embedding itself in Kunar.');
    expect(claims).toContain('aqis OPERATES_IN kunar');
    expect(claims).not.toContain('al-qaeda OPERATES_IN kunar');
  });

  it('gives an agent-less cue in a sentence opened by "This" to the previous sentence’s subject', () => {
    expect(triples('The TTP grew. Iran pressed its case. This led to pressure on Pakistan.')).toContain('iran PRESSURES pakistan');
    expect(triples('The TTP grew. Iran pressed its case. Officials saw pressure on Pakistan.')).not.toContain('iran PRESSURES pakistan');
  });

  it('takes a possessor as a place only of its territory', () => {
    expect(triples('The TTP looked strong in the Taliban’s eyes.').filter((c) => c.includes('OPERATES_IN'))).toEqual([]);
    expect(triples('The TTP is active in Pakistan’s tribal districts.')).toContain('ttp OPERATES_IN pakistan');
  });

  it('gives a passive coordinated with its clause that clause’s subject', () => {
    expect(triples('India struck the camps on those grounds, and was supported by the United Nations Security Council.')).toContain('unsc SUPPORTS india');
    expect(triples('India used soft power. This was done on those grounds, and was supported by the United Nations Security Council.')).toContain('unsc SUPPORTS india');
  });

  it('gives an object relative clause’s cue the name the clause hangs on as its object', () => {
    expect(triples('Officials recalled the Peshawar mosque bombing, which the TTP carried out with ease.')).toContain('ttp PERPETRATED peshawar-mosque-bombing-2023');
    expect(triples('Officials recalled Kunar, which the TTP attacked.')).not.toContain('ttp CLASHES_WITH kunar');
  });

  it('gives a participle clause opening the sentence to the main clause’s subject', () => {
    expect(triples('Mainly comprising defectors from the TTP, the Haqqani Network grew in 2015.')).toContain('haqqani-network RECRUITS_FROM ttp');
    expect(triples('Despite rejoining the TTP in 2020, the BLA grew.')).toContain('bla AFFILIATE_OF ttp');
  });

  it('hands a relative clause after a bracketed aside to the name before the aside', () => {
    expect(triples('Officials blamed the TTP (also called the Pakistan Taliban), which stages attacks inside Pakistan.')).toContain('ttp CLASHES_WITH pakistan');
  });
});

describe('phrases', () => {
  it('reads "X-backed" and "Y’s X-supplied" compounds as support', () => {
    expect(triples('The Pakistan-backed Lashkar-e-Taiba grew in Punjab.')).toContain('pakistan SUPPORTS lashkar-e-taiba');
    expect(triples('Iran’s Russian-supplied drones struck the border.')).toContain('russia SUPPORTS iran');
  });

  it('takes a name modifying a cue noun as its agent, inside a prepositional phrase too', () => {
    expect(triples('The money went to a TTP recruitment drive in Bajaur.')).toContain('ttp RECRUITS_FROM bajaur');
  });

  it('reads "responsible for" as describing the phrase before it, its owner included', () => {
    expect(triples('The cell of the TTP responsible for the Peshawar mosque bombing was dismantled.')).toContain('ttp PERPETRATED peshawar-mosque-bombing-2023');
  });

  it('lets a longer cue hold a shorter one inside it', () => {
    const claims = triples('Pakistan has strained ties with India.');
    expect(claims).toContain('pakistan RIVAL_OF india');
    expect(claims).not.toContain('pakistan ALLIED_WITH india');
  });

  it('does not read a one-word verb cue as a verb where the tagger reads a noun', () => {
    expect(triples('The TTP collected the funds from traders in Pakistan.').filter((c) => c.includes('SUPPORTS'))).toEqual([]);
  });

  it('reads recruiting defectors from a group, pressure on a group, and troops abroad', () => {
    expect(triples('IS-K drew many defectors from the TTP.')).toContain('is-k RECRUITS_FROM ttp');
    expect(triples('The TTP was put under pressure by Pakistan.')).toContain('pakistan PRESSURES ttp');
    expect(triples('Russia kept troops in Syria.')).toContain('russia OPERATES_IN syria');
  });

  it('reads a prepositional cue as describing the name just before it, inside an "of" phrase too', () => {
    expect(triples('The return of the TTP in Bajaur alarmed officials.')).toContain('ttp OPERATES_IN bajaur');
  });

  it('gives "with the help of" to the clause’s agent, not to a name in a phrase', () => {
    const claims = triples('The arrest of the TTP commander with the help of Chinese intelligence was praised.');
    expect(claims.filter((c) => c.includes('SUPPORTS'))).toEqual([]);
  });

  it('stops a verb cue’s object at a coordinated verb with an object of its own', () => {
    const claims = triples('The TTP used the area to plan, train, and launch attacks inside Pakistan.');
    expect(claims).not.toContain('ttp SUPPORTS pakistan');
    expect(triples('Pakistan trains and funds the Haqqani Network.')).toContain('pakistan SUPPORTS haqqani-network');
  });

  it('reads operating across a place and using it as a transit point as presence, and its removal as denied presence', () => {
    expect(triples('The TTP has been able to operate freely across the Pak-Afghan border.')).toContain('ttp OPERATES_IN pak-afghan-border');
    expect(triples('The BLA has been using Iranian territory as a transit point.')).toContain('bla OPERATES_IN iran');
    const gone = run('Kabul says the TTP has been eliminated from Kunar. Officials say Bajaur has been cleared of the BLA.').claims;
    expect(gone.filter((c) => c.type === 'OPERATES_IN').map((c) => `${c.subject} ${c.object} ${c.certainty}`)).toEqual(['ttp kunar denied', 'bla bajaur denied']);
  });

  it('does not take the parties to a meeting as the object of the verb that names it', () => {
    expect(triples('China hosted talks between Pakistan and the Taliban in Beijing.').filter((c) => c.includes('SUPPORTS'))).toEqual([]);
  });

  it('reads a name after "within" as inside a phrase, not as an agent', () => {
    expect(triples('Sources within the TTP said the BLA attacked Pakistan.')).not.toContain('ttp CLASHES_WITH pakistan');
  });

  it('takes the owner a cue holds as the place ("on its soil"), not a name further on', () => {
    const claims = triples('Pakistan tolerated the TTP presence on its soil, seeing it as leverage against Kabul.');
    expect(claims).not.toContain('ttp OPERATES_IN kabul-city');
  });

  it('reads a fraught relationship, a tussle or a rift as rivalry', () => {
    expect(triples('The TTP is locked in a fraught relationship with the Islamic State.')).toContain('ttp RIVAL_OF islamic-state');
    expect(triples('The tussle between Pakistan and India went on.')).toContain('pakistan RIVAL_OF india');
  });

  it('stops a locative cue’s object at the next preposition', () => {
    expect(triples('The TTP grew in its long alliance with Pakistan.').filter((c) => c.includes('OPERATES_IN'))).toEqual([]);
  });

  it('reads "X, Y," as X in Y only when the comma separates them', () => {
    expect(triples('The attack in Mastung, Balochistan, killed ten.')).toContain('mastung LOCATED_IN balochistan');
    expect(triples('Attacks rose, particularly in Khyber Pakhtunkhwa and Balochistan, last year.')).not.toContain('khyber-pakhtunkhwa LOCATED_IN balochistan');
    expect(triples('The attack hit Mastung, southern Balochistan, last year.')).toContain('mastung LOCATED_IN balochistan');
  });

  it('ends a cue’s object at the main verb after a comma', () => {
    expect(triples('The BLA grew. Its ability to fund operations through smuggling, provides the TTP with cash.').filter((c) => c.includes('SUPPORTS ttp'))).toEqual([]);
  });

  it('reads a verb-only cue as a verb, not as a noun after its article', () => {
    expect(triples('Pakistan charged that the TTP is armed by Kabul.')).toContain('pakistan ACCUSES ttp');
    expect(triples('The TTP was named, a charge that Kabul continues to deny.').filter((c) => c.includes('ACCUSES'))).toEqual([]);
  });

  it('reads "fighters, especially those from a group" as members of that group', () => {
    expect(triples('The arrival of foreign fighters, especially those from IS-K, alarmed Pakistan.')).toContain('foreign-fighters MEMBER_OF is-k');
    expect(triples('Foreign fighters, particularly those from Arab states allied with IS-K, arrived.')).not.toContain('foreign-fighters MEMBER_OF is-k');
  });

  it('never takes "its early years" as a place', () => {
    const claims = triples('The TTP grew, and Al-Qaeda was active in its early years.');
    expect(claims.filter((c) => c.includes('OPERATES_IN'))).toEqual([]);
  });

  it('does not count a participle clause between commas in the distance from an agent to its verb', () => {
    const text = 'The BLA, facing arrests and fresh raids across the home districts, started shifting cadres, trainers, and logistics hubs into Afghanistan.';
    expect(triples(text)).toContain('bla OPERATES_IN afghanistan');
    // Without the commas the words count, and the agent is out of reach.
    expect(triples(text.replace(/,/g, ''))).not.toContain('bla OPERATES_IN afghanistan');
  });

  it('takes a lower-case head noun into an unknown name, with the kind it gives', () => {
    const { claims, actors } = run('Investigators traced the money to the Al-Noor office based in Kenya.');
    expect(actors).toContainEqual(expect.objectContaining({ name: 'Al-Noor office', kind: 'organization' }));
    expect(claims.map((c) => `${c.subject} ${c.type} ${c.object}`)).toContain('al-noor-office OPERATES_IN kenya');
    expect(run('The Zarkand network attacked Pakistan.').actors).toContainEqual(expect.objectContaining({ name: 'Zarkand network', kind: 'group' }));
  });

  it('does not take an owner inside an object for the agent of a later verb, when the sentence goes on about the previous one', () => {
    const text = 'Iran should brief partners such as Russia and China. This would expose the failure to honour its pledges and increase pressure on the Taliban.';
    expect(triples(text)).toContain('iran PRESSURES afghan-taliban');
    expect(triples(text)).not.toContain('china PRESSURES afghan-taliban');
    // Right before its cue noun the possessive still names the agent.
    expect(triples('The TTP grew. Its fighters operate in Kunar.')).toContain('ttp OPERATES_IN kunar');
  });

  it('reads a verb whose noun names a known event as telling that event, made by the verb’s agent', () => {
    const claims = triples('Last spring, with the help of U.S. intelligence, the Pakistani authorities arrested Mohammad Sharifullah at a checkpoint.');
    expect(claims).toContain('pakistan PERPETRATED sharifullah-arrest-2025');
    // The helper in a phrase supported the arrest, it did not make it.
    expect(claims).not.toContain('united-states PERPETRATED sharifullah-arrest-2025');
    // A noun after its article names the event but says nothing of who made it; a verb alone makes no new event.
    expect(triples('Pakistan welcomed the arrest of Mohammad Sharifullah.').filter((c) => c.includes('PERPETRATED'))).toEqual([]);
    expect(triples('The TTP attacked a police post in Bajaur.').filter((c) => c.includes('PERPETRATED'))).toEqual([]);
  });
  it('reads a country told what it must do as its government, and elsewhere as its territory', () => {
    expect(triples('Islamabad was blunt. Afghanistan must stop sheltering the TTP.')).toContain('afghan-taliban SUPPORTS ttp');
    expect(triples('Afghanistan keeps sheltering the TTP.')).toEqual([]);
  });

  it('gives the words after a colon to the senders of the message named before it', () => {
    const claims = triples('The ultimatum sent by Iran and Russia was plain: Afghanistan must act against the TTP.');
    expect(claims).toContain('iran PRESSURES afghan-taliban');
    expect(claims).toContain('russia PRESSURES afghan-taliban');
    // No message named: a colon still ends the clause.
    expect(triples('Iran and Russia met at the summit: Afghanistan must act against the TTP.')).toEqual([]);
  });
  it('reads two names hyphened before a relation noun as its two parties, a country as its government', () => {
    expect(triples('Observers worry that the Afghan-TTP connection is deepening.')).toContain('afghan-taliban ALLIED_WITH ttp');
    expect(triples('India–Pakistan tensions rose again this week.')).toContain('india RIVAL_OF pakistan');
    // A noun that says nothing of how the two stand: no relation.
    expect(triples('The Pakistan-Afghanistan border was closed.')).toEqual([]);
  });
  it('reads a settlement reached between two parties as rivalry, and a group set to counter another as its rival', () => {
    expect(triples('No deal will hold until a settlement is finally reached between Islamabad and Kabul.')).toContain('pakistan RIVAL_OF afghan-taliban');
    expect(triples('Some in Kabul see the TTP as a useful force to counter IS-K.')).toContain('ttp RIVAL_OF is-k');
  });

  it('takes the name a reverse cue holds as its subject ("under heavy Taliban pressure")', () => {
    expect(triples('IS-K lost ground in the east under heavy Taliban pressure.')).toContain('afghan-taliban COUNTERS is-k');
  });
  it('reads a locative right after a place as placing that place, not the actor', () => {
    const claims = triples('Police named Farid Shah, a TTP commander in Patek near Akhtarabad.');
    expect(claims).toContain('patek LOCATED_IN akhtarabad');
    expect(claims.filter((c) => c.includes('OPERATES_IN akhtarabad'))).toEqual([]);
  });
  it('reads a bare short form as the branch the text hyphened it into, unless the text sets the parent apart', () => {
    expect(triples('IS-K grew in Kunar. Later Farid Shah, an IS commander, was arrested.')).toContain('farid-shah MEMBER_OF is-k');
    expect(triples('Farid Shah, an IS commander, was arrested.')).toContain('farid-shah MEMBER_OF islamic-state');
    expect(triples('IS-K relies on IS Central for money. Farid Shah, an IS commander, was arrested.')).toContain('farid-shah MEMBER_OF islamic-state');
  });
  it('does not let a later denial answer a title, which the sentence takes for granted', () => {
    const claims = run('Taliban spokesman Farid Shah went further, claiming IS-K no longer exists in Kunar.').claims;
    const member = claims.filter((c) => c.type === 'MEMBER_OF');
    expect(member.map((c) => `${c.subject} ${c.object} ${c.certainty}`)).toEqual(['farid-shah afghan-taliban asserted']);
    expect(claims.find((c) => c.type === 'OPERATES_IN')?.certainty).toBe('denied');
  });
  it('reads a state’s sanctuary for a group as the group’s presence on its territory, unless the sanctuary is denied', () => {
    expect(triples('The Taliban regime harbours the TTP.')).toContain('ttp OPERATES_IN afghanistan');
    expect(triples('Pakistan shelters the Haqqani Network.')).toContain('haqqani-network OPERATES_IN pakistan');
    expect(triples('Pakistan denies sheltering the Haqqani Network.').filter((c) => c.includes('OPERATES_IN'))).toEqual([]);
  });
  it('reads a country that is a haven for a group as its government’s sanctuary', () => {
    const claims = triples('Officials fear Afghanistan could once again become a safe haven for the TTP.');
    expect(claims).toContain('afghan-taliban SUPPORTS ttp');
    expect(claims).toContain('ttp OPERATES_IN afghanistan');
    // A haven for no one the text names: nothing.
    expect(triples('Afghanistan is a haven for smugglers.')).toEqual([]);
  });
  it('gives the means of a verb ("through operations in …") to the verb’s agent, not to its object', () => {
    const claims = triples('The Haqqani Network, which now funds the TTP through its operations in Kenya, keeps growing.');
    expect(claims).toContain('haqqani-network OPERATES_IN kenya');
    expect(claims).toContain('haqqani-network SUPPORTS ttp');
    // The bare locative after the means noun qualifies the means as well: the object is not placed there.
    const bare = triples('The Haqqani Network, which now funds the TTP through operations in Kenya, keeps growing.');
    expect(bare.filter((c) => c.startsWith('ttp OPERATES_IN'))).toEqual([]);
  });
  it('reads a list of places that closes on "and elsewhere" as a list', () => {
    const claims = triples('The Haqqani Network runs operations in Iraq, Kenya, Russia and elsewhere.');
    expect(claims).toEqual(expect.arrayContaining(['haqqani-network OPERATES_IN iraq', 'haqqani-network OPERATES_IN kenya', 'haqqani-network OPERATES_IN russia']));
    // Without a conjunction it is no list: only the first place follows the cue.
    expect(triples('The Haqqani Network runs operations in Iraq, Kenya, Russia.').filter((c) => c.includes('OPERATES_IN'))).toEqual(['haqqani-network OPERATES_IN iraq']);
  });
  it('reads a range set off by a comma ("…, from A to B and C") as a list of its ends', () => {
    const claims = triples('Pakistan has strategic ties to many powers, from the United States to Russia and China.');
    expect(claims).toEqual(expect.arrayContaining(['pakistan ALLIED_WITH united-states', 'pakistan ALLIED_WITH russia', 'pakistan ALLIED_WITH china']));
    // A movement from one place to another is no range of partners.
    expect(triples('Pakistan has strategic ties to Russia from the start to this day.')).toEqual(['pakistan ALLIED_WITH russia']);
  });
});
