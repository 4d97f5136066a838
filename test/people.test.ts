import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../src/core/answer/answer.ts';
import { loadLibrary, type Library } from '../src/core/library/library.ts';
import { findNameCandidates } from '../src/core/people/name-candidates.ts';
import { isPersonName, noEvidence, type NameEvidence } from '../src/core/people/person-evidence.ts';
import { renderAnswerText } from '../src/render-text.ts';
import { makeTempCorpus, SEED_CORPUS } from './support/corpus-dir.ts';

let library: Library;
beforeAll(async () => {
  library = await loadLibrary(SEED_CORPUS);
});

const evidence = (cues: Partial<NameEvidence>): NameEvidence => ({ ...noEvidence(), ...cues });
const noContext = { surnameActsAlone: false, surnameSpeaksAsI: false, knownGivenName: false, commonGivenName: false };

describe('the personhood rule', () => {
  it('takes one outright cue, or two weak ones, and lets an organisation’s shape veto', () => {
    expect(isPersonName(evidence({ appositive: 1 }), noContext)).toBe(true);
    expect(isPersonName(evidence({ speech: 1 }), noContext)).toBe(false);
    expect(isPersonName(evidence({ speech: 1 }), { ...noContext, surnameActsAlone: true })).toBe(true);
    expect(isPersonName(evidence({ titleRun: 1, organisation: 1 }), noContext)).toBe(false);
    expect(isPersonName(evidence({ role: 1, definite: 1 }), noContext)).toBe(false);
    expect(isPersonName(evidence({ place: 1, speech: 1 }), { ...noContext, knownGivenName: true })).toBe(false);
    expect(isPersonName(evidence({}), { ...noContext, commonGivenName: true })).toBe(true);
    expect(isPersonName(evidence({ place: 1 }), { ...noContext, commonGivenName: true })).toBe(false);
  });
});

describe('finding names in a passage', () => {
  const names = (text: string): string[] => findNameCandidates(text).map((candidate) => text.slice(candidate.mentionStart, candidate.end));

  it('splits titles and courtesy titles from names, keeping "Mr." in the mention', () => {
    expect(names('Israeli Prime Minister Benjamin Netanyahu said so.')).toEqual(['Benjamin Netanyahu']);
    expect(names('Witkoff and U.S. Ambassador to Israel Mike Huckabee stopped.')).toEqual(['Witkoff', 'Mike Huckabee']);
    expect(names('Despite Mr. Witkoff’s statement, talks went on.')).toEqual(['Mr. Witkoff']);
    expect(names('Mr. van der Berg told reporters.')).toEqual(['Mr. van der Berg']);
    expect(names('Martin Luther King Jr. spoke, and Stephen King wrote.')).toEqual(['Martin Luther King Jr.', 'Stephen King']);
  });

  it('steps over a rejected capital outside the Basic Multilingual Plane instead of looping on it', () => {
    expect(names('\u{16E44}\u0BE8 met \u{10400}1 and Grace Okafor.')).toEqual(['Grace Okafor']);
  });

  it('keeps particles and typographic dashes and spaces inside one name', () => {
    expect(names('They met Khalil\u202Fal\u2011Hayya in Egypt.')).toEqual(['Khalil\u202Fal\u2011Hayya', 'Egypt']);
    expect(names('Itamar Ben-Gvir called for more.')).toEqual(['Itamar Ben-Gvir']);
  });

  it('finds the spans that describe a name', () => {
    const text = 'Yocheved Liftshitz, 86, a peace activist, was released.';
    const [candidate] = findNameCandidates(text);
    expect(candidate?.descriptions.map((span) => text.slice(span.start, span.end))).toEqual(['86, a peace activist']);
    const before = 'A plan proposed by U.S. special envoy to the Middle East, Steve Witkoff, was approved.';
    const witkoff = findNameCandidates(before).find((found) => before.slice(found.start, found.end) === 'Steve Witkoff');
    expect(witkoff?.descriptions.map((span) => before.slice(span.start, span.end))).toEqual(['U.S. special envoy to the Middle East']);
  });
});

describe('the people index of the seed corpus', () => {
  const nameOf = (found: { name: string } | undefined): string | undefined => found?.name;

  it('finds a person by any name the corpus uses, and no one for an organisation or a place', () => {
    expect(nameOf(library.people.find('Witkoff'))).toBe('Steve Witkoff');
    expect(nameOf(library.people.find("Mr. Witkoff's"))).toBe('Steve Witkoff');
    expect(nameOf(library.people.find('al-Khaya'))).toBe('Khalil al-Hayya');
    expect(nameOf(library.people.find('Yocheved Liftshitz'))).toBe('Yocheved Lifshitz');
    for (const place of ['Hamas', 'Gaza', 'White House', 'Middle East', 'NBC News']) expect(library.people.find(place)).toBeUndefined();
  });

  it('keeps people who share a surname apart, and says a bare surname is ambiguous', () => {
    expect(library.people.find('Lifshitz')).toBeUndefined();
    expect(library.people.lookup('Lifshitz').map((person) => person.name)).toEqual(['Daniel Lifshitz', 'Oded Liftshitz', 'Yocheved Lifshitz']);
  });

  it('lists every mention of a file in text order, each slicing the name it resolves to', () => {
    const file = '001_9f5de07045ad877d.txt';
    const text = library.documentsByFile.get(file)?.text ?? '';
    const mentions = library.people.mentionsIn(file);
    expect(mentions.map((mention) => mention.start)).toEqual([...mentions.map((mention) => mention.start)].sort((a, b) => a - b));
    for (const mention of mentions) {
      const person = library.people.people[mention.personId];
      const surname = person?.name.split(/\s/u).at(-1) ?? '';
      expect(text.slice(mention.start, mention.end)).toContain(surname);
      expect(library.passages[mention.passageId]?.furniture).toBeUndefined();
    }
  });

  it('gives roles to their holders, in a file or across the corpus', () => {
    expect(nameOf(library.people.roleHolder('finance minister'))).toBe('Bezalel Smotrich');
    expect(nameOf(library.people.roleHolder('prime minister', '001_9f5de07045ad877d.txt'))).toBe('Benjamin Netanyahu');
    expect(library.people.roleHolder('Hamas')).toBeUndefined();
    const inOneFile = library.people.describedAs('special envoy', '001_9f5de07045ad877d.txt');
    expect(inOneFile.length).toBeGreaterThan(0);
    expect(inOneFile.every((description) => description.file === '001_9f5de07045ad877d.txt')).toBe(true);
    expect(library.people.describedAs('special envoy').length).toBeGreaterThan(inOneFile.length);
    expect(library.people.find('Bezalel Smotrich')?.roles).toContain('finance minister');
  });

  it('completes partial names by prefix and by slip, most-mentioned first', () => {
    expect(library.people.complete('wit', 25).map((person) => person.name)).toEqual(['Steve Witkoff']);
    expect(library.people.complete('Smotrik', 25).map((person) => person.name)).toEqual(['Bezalel Smotrich']);
    expect(library.people.complete('Li', 25).map((person) => person.name)).toEqual(['Daniel Lifshitz', 'Oded Liftshitz', 'Yocheved Lifshitz']);
    expect(library.people.complete('', 2).map((person) => person.name)).toEqual(['Steve Witkoff', 'Donald Trump']);
  });
});

describe('/who', () => {
  it('names the person with their other names, and leads with a sentence describing them', () => {
    const answered = answer(library, 'who', 'Mr. Witkoff');
    expect(answered.person).toMatchObject({ name: 'Steve Witkoff', aliases: expect.arrayContaining(['Witkoff', 'Mr. Witkoff']) });
    expect(answered.results[0]?.text).toMatch(/special envoy|Special Envoy|real estate developer/u);
    expect(renderAnswerText(answered)).toMatch(/^Steve Witkoff — .*\nalso: /u);
  });

  it('finds the author of a seed article by the bio line at its foot', () => {
    const answered = answer(library, 'who', 'Chantal Da Silva');
    expect(answered.person?.name).toBe('Chantal Da Silva');
    expect(answered.results[0]?.text).toContain('reports on world news for NBC News Digital');
  });

  it('answers a role with its holder', () => {
    const answered = answer(library, 'who', 'finance minister');
    expect(answered.person?.name).toBe('Bezalel Smotrich');
    expect(answered.results[0]?.text).toContain('Bezalel Smotrich, the finance minister');
  });

  it('says the person is not in the corpus, with close names', () => {
    const answered = answer(library, 'who', 'Stephen Witkov');
    expect(answered.results).toEqual([]);
    expect(answered.suggestions?.[0]).toBe('Steve Witkoff');
    expect(renderAnswerText(answered)).toMatch(/^No one called “Stephen Witkov” is in the corpus\.\nDid you mean: Steve Witkoff/u);
    // An organisation is no person, but /who never answers emptier than a search would: the passages naming it.
    const hamas = answer(library, 'who', 'Hamas');
    expect(hamas.person).toBeUndefined();
    expect(hamas.results.length).toBeGreaterThan(0);
    for (const item of hamas.results) expect(item.text).toMatch(/Hamas/u);
  });
});

describe('the name a person is shown by', () => {
  it('prefers a given name written out to initials, and keeps a middle initial beside a written given name', async () => {
    const corpus = await makeTempCorpus({
      'senate.txt': [
        'Senate news',
        'The senate mourned former Speaker Benjamin Okoro, who died on Monday.',
        'Senators stood for a minute of silence for Rt. Hon. B. U. Okoro and for Senator David E. Amadi, who led the tribute.',
        'Senator David Amadi said the two had served together for a decade.',
      ].join('\n\n'),
    });
    try {
      const library = await loadLibrary(corpus.dir);
      expect(library.people.find('Okoro')?.name).toBe('Benjamin Okoro');
      expect(library.people.find('Amadi')?.name).toBe('David E. Amadi');
    } finally {
      await corpus.remove();
    }
  });
});
