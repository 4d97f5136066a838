import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary, type Library } from '../src/core/library/library.ts';
import { makeTempCorpus, type TempCorpus } from './support/corpus-dir.ts';

/**
 * Attribution rules met on real news, each on short invented articles: one
 * article per rule, so that a person named in one cannot stand in for
 * another's speaker.
 */
const ARTICLES: Record<string, string[]> = {
  'previous-sentence.txt': [
    'Harbour master Kemal Arslan, 58, has run the port of Wexmouth for two decades.',
    'In his report to the council, Arslan thanked the crews and noted there was no shame in turning back. “The sea decides. We only listen.”',
    'He told the inquiry on Monday what he had seen that night:',
    '“Nobody on the quay was hurt, and every crew came home.”',
  ],
  'present-tense.txt': [
    'The catch in the bay has fallen for a third year, says Marta Quell, 52, who has fished the bay for 30 years.',
    '“The nets came up empty three mornings out of four,” Quell says. “I have never seen it like this.”',
    'She describes the season as “grim,” but cautions that “one bad year is not the end of a fishery.”',
  ],
  'appositives.txt': [
    'Two scientists studied the wreck of the trawler over the summer.',
    '“The hull gave way in minutes,” Lena Okafor, a marine engineer at the institute in Brest, France, and co-author of the report, said.',
    '“Nobody could have got out in time,” Jonas Ekberg, 38, a diver with the Baltic salvage team told reporters.',
    'Lena Okafor, an engineer at the U.K.’s Marine Institute who did not work on the salvage, told the inquiry: “The welds were the weak point.”',
    '“The trawler was old. Older than the rules it sailed under” came up at the hearing in March, said Jonas Ekberg, the diver.',
  ],
  'pronoun-chain.txt': [
    'Aldo Brenner, 61, a ferry skipper, has crossed the strait a thousand times.',
    '“The last hour was the worst,” Brenner said after the rescue. He then cited Ingrid Soll’s report on the engine.',
    '“I would not sail that boat again,” he said.',
    'Dario was questioned for a call he made to Soll’s office, in which he said the report was “a pack of lies.”',
  ],
  'short-names.txt': [
    'The regatta was won by skipper Tamsin Orrell, 34, of Falmouth, and her crew of five.',
    'The wind turned twice in the last hour of racing. “We were lucky at the last mark,” Orrell said.',
    'Her brother, Idris Vane, 29, sailed the second boat. “I was too slow at the start,” Idris said.',
  ],
  'subjects.txt': [
    'Harbour master Kemal Arslan, 58, and pilot Nils Haverkamp, 47, gave evidence on Tuesday.',
    'After the hearing, Arslan issued a statement about the inquiry, saying, “Every crew followed the rules that night.”',
    '“We kept no logbook that week,” Haverkamp allegedly told a clerk.',
    'Haverkamp returned to the question of the logbook later. “Who would have read it?”',
    '“The tide was higher than the tables said,” he said.',
    '“Nobody warned us,” he said. “Nobody ever does.”',
    'He also said the channel should be dredged again. “It silts up every winter,” he said.',
  ],
  'single-marks.txt': [
    'The ferry operator Wexline said the crossing was safe, but passengers described the night as ‘terrifying’.',
    'Petra Lindgren, 41, of Malmö, was on the upper deck. ‘The boat rolled so far I thought we’d gone over,’ Lindgren said.',
    'Other passengers said the crew’s calm ‘made all the difference’ on the ’90s-era ferry.',
  ],
  'nobody-named.txt': [
    'The council approved the budget after a long debate, and critics were quick to respond.',
    '“This budget will close three libraries,” one official said.',
    '“We welcome the decision,” the Ministry of Finance said in a statement.',
    'Mayor Rhea Dunmore met Senator Sanna Holt after the vote. “It was a frank talk,” she said.',
    'Supporters called the plan “bold but fair” in a letter.',
  ],
  'unknown-first.txt': ['“The tide tables were wrong all week,” Ferrante said.'],
  'title-of.txt': ['Secretary of State Maren Dahl said the talks “give us hope for a settlement that lasts, which the country stands ready to support.”'],
  'long-subjects.txt': [
    'A survey of the glacier was published on Monday.',
    '“The ice is thinner than anyone thought,” study lead author Pia Lund, a glaciologist at the polar institute in Tromsø, Norway, and the University of Oslo, said in a statement.',
    '“We have never measured a faster retreat,” lead researcher and NORA scientist Ola Berg said.',
    '“Our results were below expectations,” chairman, CEO and president Rolf Sand said in the earnings release.',
    '“It was an attempt to mislead voters,’’ Tove Holm, chief executive of the fact-checking website Clear Facts, told the BBC.',
    '“We are thrilled to tour again,” comments Jonas Fisk in a statement.',
  ],
  'known-elsewhere.txt': ['Browns cornerback Denzel Ward, 22, said the team was ready. “We have nothing to lose,” Ward said.'],
  'same-surname.txt': [
    'Lewis Ward, research director of gaming at tech market research firm IDC, sees the lineup as its weak spot.',
    '“They need to ramp up the game catalog soon,” says Ward.',
  ],
  'possessor.txt': [
    'Two ferries left Wexmouth late on Friday.',
    'Harbour pilot Oskar Lindqvist, who joked about skipper Aldo Ferrini’s habit of changing course, could see the worry on his friend’s face.',
    '“He is used to calm water,” he said.',
  ],
  'echo.txt': [
    'Chairman Rolf Brandt told investors the merger would let the firm repay debt “in addition to investing for growth that will drive revenues.” Critics doubt it can square dividends with “investing for growth.” Others call it “a gamble.”',
  ],
  'trailing.txt': [
    'Ward nurse Hanna Voss, 44, has worked at the clinic since 2010.',
    'It is important for doctors to “take really detailed histories” of their patients, Voss said.',
    'The clinic is pushing a comprehensive “all or nothing” plan for the ward, its director, Hanna Voss, told staff on Sunday.',
  ],
};

/** An article file: a headline line (which the corpus reads as the title, never as body), then its paragraphs. */
const asArticle = (paragraphs: readonly string[]): string => ['Harbour news', ...paragraphs].join('\n\n');

const LATER_ARTICLE = ['Harbour pilot Oskar Ferrante, 47, has guided ships into Wexmouth since 2001.', 'Ferrante said the channel was dredged last spring.'];

let corpus: TempCorpus;
let library: Library;

const speakerOf = (subject: Library, file: string, quotation: string): string | null | undefined => {
  const text = subject.documentsByFile.get(file)?.text ?? '';
  const found = subject.quotations.find((entry) => entry.file === file && text.slice(entry.start, entry.end) === quotation);
  if (!found) return undefined;
  return found.speakerId === undefined ? null : (subject.people.people[found.speakerId]?.name ?? null);
};

const quotationsIn = (subject: Library, file: string): string[] => {
  const text = subject.documentsByFile.get(file)?.text ?? '';
  return subject.quotations.filter((entry) => entry.file === file).map((entry) => text.slice(entry.start, entry.end));
};

beforeAll(async () => {
  corpus = await makeTempCorpus(Object.fromEntries(Object.entries(ARTICLES).map(([file, paragraphs]) => [file, asArticle(paragraphs)])));
  library = await loadLibrary(corpus.dir);
});

afterAll(async () => {
  await corpus.remove();
});

describe('quotation speakers on news-style text', () => {
  it('reads "he" as the one a sentence names other than as an owner ("Ferrini’s habit")', () => {
    expect(speakerOf(library, 'possessor.txt', '“He is used to calm water,”')).toBe('Oskar Lindqvist');
  });

  it('gives a quotation standing alone the speaker the sentence or paragraph before reports, past a leading phrase and "and"', () => {
    expect(speakerOf(library, 'previous-sentence.txt', '“The sea decides. We only listen.”')).toBe('Kemal Arslan');
    expect(speakerOf(library, 'previous-sentence.txt', '“Nobody on the quay was hurt, and every crew came home.”')).toBe('Kemal Arslan');
  });

  it('reads present-tense attribution ("says X", "X says", "cautions that") and a verb sharing its subject after "but"', () => {
    expect(speakerOf(library, 'present-tense.txt', '“The nets came up empty three mornings out of four,”')).toBe('Marta Quell');
    expect(speakerOf(library, 'present-tense.txt', '“I have never seen it like this.”')).toBe('Marta Quell');
    expect(speakerOf(library, 'present-tense.txt', '“one bad year is not the end of a fishery.”')).toBe('Marta Quell');
  });

  it('takes the clause subject for a participle with no verb of saying before it, and reads past an adverb before the verb', () => {
    expect(speakerOf(library, 'subjects.txt', '“Every crew followed the rules that night.”')).toBe('Kemal Arslan');
    expect(speakerOf(library, 'subjects.txt', '“We kept no logbook that week,”')).toBe('Nils Haverkamp');
  });

  it('gives a quotation standing alone the one person the sentence before opens with', () => {
    expect(speakerOf(library, 'subjects.txt', '“Who would have read it?”')).toBe('Nils Haverkamp');
  });

  it('keeps "he" for the person it stood for in the paragraph before when no one is named within reach', () => {
    expect(speakerOf(library, 'subjects.txt', '“The tide was higher than the tables said,”')).toBe('Nils Haverkamp');
    expect(speakerOf(library, 'subjects.txt', '“It silts up every winter,”')).toBe('Nils Haverkamp');
  });

  it('reads the name before a long or loosely punctuated appositive as the speaker', () => {
    expect(speakerOf(library, 'appositives.txt', '“The hull gave way in minutes,”')).toBe('Lena Okafor');
    expect(speakerOf(library, 'appositives.txt', '“Nobody could have got out in time,”')).toBe('Jonas Ekberg');
    expect(speakerOf(library, 'appositives.txt', '“The welds were the weak point.”')).toBe('Lena Okafor');
  });

  it('reads "said X" inverted after a comma beyond a clause that follows the quotation', () => {
    expect(speakerOf(library, 'appositives.txt', '“The trawler was old. Older than the rules it sailed under”')).toBe('Jonas Ekberg');
  });

  it('carries "he" past a sentence whose subject is the same "he", and leaves it unresolved when an unknown name opens the sentence', () => {
    expect(speakerOf(library, 'pronoun-chain.txt', '“I would not sail that boat again,”')).toBe('Aldo Brenner');
    expect(speakerOf(library, 'pronoun-chain.txt', '“a pack of lies.”')).toBeNull();
  });

  it('resolves a surname alone or a first name alone to the full name given earlier', () => {
    expect(speakerOf(library, 'short-names.txt', '“We were lucky at the last mark,”')).toBe('Tamsin Orrell');
    expect(speakerOf(library, 'short-names.txt', '“I was too slow at the start,”')).toBe('Idris Vane');
  });

  it('reads single-mark quotations, leaving apostrophes and single-marked scare quotes out', () => {
    expect(speakerOf(library, 'single-marks.txt', '‘The boat rolled so far I thought we’d gone over,’')).toBe('Petra Lindgren');
    expect(speakerOf(library, 'single-marks.txt', '‘made all the difference’')).toBeNull();
    expect(quotationsIn(library, 'single-marks.txt')).toEqual(['‘The boat rolled so far I thought we’d gone over,’', '‘made all the difference’']);
  });

  it('names nobody for an unnamed official, an organisation or an ambiguous pronoun, and leaves scare quotes out', () => {
    expect(speakerOf(library, 'nobody-named.txt', '“This budget will close three libraries,”')).toBeNull();
    expect(speakerOf(library, 'nobody-named.txt', '“We welcome the decision,”')).toBeNull();
    expect(speakerOf(library, 'nobody-named.txt', '“It was a frank talk,”')).toBeNull();
    expect(quotationsIn(library, 'nobody-named.txt')).not.toContain('“bold but fair”');
  });

  it('reads the name after a title and "of", not the title', () => {
    expect(speakerOf(library, 'title-of.txt', '“give us hope for a settlement that lasts, which the country stands ready to support.”')).toBe('Maren Dahl');
  });

  it('finds the name heading a long subject after the quotation, past nouns of office, a qualifying name and "and"', () => {
    expect(speakerOf(library, 'long-subjects.txt', '“The ice is thinner than anyone thought,”')).toBe('Pia Lund');
    expect(speakerOf(library, 'long-subjects.txt', '“We have never measured a faster retreat,”')).toBe('Ola Berg');
    expect(speakerOf(library, 'long-subjects.txt', '“Our results were below expectations,”')).toBe('Rolf Sand');
    expect(speakerOf(library, 'long-subjects.txt', '“It was an attempt to mislead voters,’’')).toBe('Tove Holm');
    expect(speakerOf(library, 'long-subjects.txt', '“We are thrilled to tour again,”')).toBe('Jonas Fisk');
  });

  it('gives a surname nobody rather than someone from another article when the article names a different person by it', () => {
    expect(speakerOf(library, 'known-elsewhere.txt', '“We have nothing to lose,”')).toBe('Denzel Ward');
    expect(library.people.find('Lewis Ward')).toBeUndefined();
    expect(speakerOf(library, 'same-surname.txt', '“They need to ramp up the game catalog soon,”')).toBeNull();
  });

  it('reads a short span repeating words of an earlier quotation as that speaker quoted again', () => {
    expect(speakerOf(library, 'echo.txt', '“investing for growth.”')).toBe('Rolf Brandt');
    expect(quotationsIn(library, 'echo.txt')).not.toContain('“a gamble.”');
  });

  it('gives a quotation inside a sentence the speaker that ends the sentence, but takes no scare quote for speech', () => {
    expect(speakerOf(library, 'trailing.txt', '“take really detailed histories”')).toBe('Hanna Voss');
    expect(quotationsIn(library, 'trailing.txt')).not.toContain('“all or nothing”');
  });

  it('attributes a quotation to a speaker the people index did not know once another article makes them known', async () => {
    expect(speakerOf(library, 'unknown-first.txt', '“The tide tables were wrong all week,”')).toBeNull();
    await corpus.write('later.txt', asArticle(LATER_ARTICLE));
    const grown = await loadLibrary(corpus.dir);
    expect(speakerOf(grown, 'unknown-first.txt', '“The tide tables were wrong all week,”')).toBe('Oskar Ferrante');
  });
});
