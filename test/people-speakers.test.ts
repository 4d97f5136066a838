import { describe, expect, it } from 'vitest';
import { buildLibrary, type Library } from '../src/core/library/library.ts';
import { speaksAsI } from '../src/core/people/first-person-speech.ts';
import { findNameCandidates } from '../src/core/people/name-candidates.ts';
import { Cue, isPersonName, noEvidence, type NameEvidence } from '../src/core/people/person-evidence.ts';

/** Rules that let a quotation's speaker into the people index: words spoken as "I", a title before a place, a surname that is a head noun. */

const library = (files: Record<string, string>): Library =>
  buildLibrary(Object.entries(files).map(([file, text]) => ({ file, text, bodyStart: 0, format: 'text', meta: {}, bytes: text.length })));
const speakerOf = (built: Library, words: string): string | undefined => {
  const document = built.documents[0];
  const quotation = built.quotations.find((entry) => document?.text.slice(entry.start, entry.end).includes(words));
  return quotation?.speakerId === undefined ? undefined : built.people.people[quotation.speakerId]?.name;
};
const evidence = (cues: Partial<NameEvidence>): NameEvidence => ({ ...noEvidence(), ...cues });
const noContext = { surnameActsAlone: false, surnameSpeaksAsI: false, knownGivenName: false, commonGivenName: false };

describe('words spoken as "I" beside a name', () => {
  const at = (text: string, name: string): boolean => {
    const start = text.indexOf(name);
    const after = /^\s+(\p{L}+)/u.exec(text.slice(start + name.length))?.[1]?.toLowerCase();
    return speaksAsI(text, start, start + name.length, after);
  };

  it('reads the quotation before "X said" or "said X", and after "X said:"', () => {
    expect(at('“I was never told,” Orla Quist said.', 'Orla Quist')).toBe(true);
    expect(at('"It cost me a year," said Quist.', 'Quist')).toBe(true);
    expect(at('Quist told reporters: “My team stayed.”', 'Quist')).toBe(true);
  });

  it('is no evidence when the words say "we", or no verb of saying stands beside them', () => {
    expect(at('“We are pleased with the result,” Hollin Freight said.', 'Hollin Freight')).toBe(false);
    expect(at('“I was never told,” Orla Quist and the rest went home.', 'Orla Quist')).toBe(false);
    expect(at('The report said “I” forty times, according to Quist.', 'Quist')).toBe(false);
  });
});

describe('the personhood rule for speakers', () => {
  it('counts speaking as "I" as an outright cue, and a surname that does so as one too', () => {
    expect(isPersonName(evidence({ firstPerson: 1 }), noContext)).toBe(true);
    expect(isPersonName(evidence({}), { ...noContext, surnameActsAlone: true })).toBe(false);
    expect(isPersonName(evidence({}), { ...noContext, surnameActsAlone: true, surnameSpeaksAsI: true })).toBe(true);
  });

  it('lets a given name and two outright cues outweigh a surname shaped like a place ("Hill")', () => {
    expect(isPersonName(evidence({ role: 1, appositive: 1, organisation: 2 }), { ...noContext, commonGivenName: true })).toBe(true);
    expect(isPersonName(evidence({ role: 1, organisation: 1 }), { ...noContext, commonGivenName: true })).toBe(false);
    expect(isPersonName(evidence({ role: 1, appositive: 1, organisation: 2 }), noContext)).toBe(false);
    expect(isPersonName(evidence({ role: 1, appositive: 1, organisation: 2, definite: 1 }), { ...noContext, commonGivenName: true })).toBe(false);
  });
});

describe('a lower-case title before a place and a name', () => {
  it('titles the name and leaves the place out: "ambassador to Norway Tavi Hollund"', () => {
    const text = 'The country’s ambassador to Norway Tavi Hollund has said that talks are over.';
    const [candidate] = findNameCandidates(text).filter((found) => text.slice(found.start, found.end).includes('Hollund'));
    expect(candidate && text.slice(candidate.start, candidate.end)).toBe('Tavi Hollund');
    expect(candidate && (candidate.cues & Cue.titleRun) !== 0).toBe(true);
  });

  it('needs a title, not any noun: "a friend of Norway Tavi Hollund" titles no one', () => {
    const text = 'She is a friend of Norway Tavi Hollund, they say.';
    expect(findNameCandidates(text).some((found) => (found.cues & Cue.titleRun) !== 0)).toBe(false);
  });
});

describe('speakers the people index learns from their quotations', () => {
  it('makes a person of a name whose surname speaks as "I", and gives them the quotation', () => {
    const built = library({
      'a.txt': 'Nobody expected Dariel Voss to play.\n\n“I felt ready for it,” Voss said after the game.\n',
    });
    expect(built.people.find('Dariel Voss')?.name).toBe('Dariel Voss');
    expect(speakerOf(built, 'I felt ready')).toBe('Dariel Voss');
  });

  it('not when the first word is a common word capitalised by its place ("Because Voss …")', () => {
    const built = library({
      'a.txt': 'Because Voss played, the team won because of him.\n\n“I felt ready for it,” Voss said after the game.\n',
    });
    expect(built.people.find('Because Voss')).toBeUndefined();
  });

  it('not from a surname another person of the corpus has: their "I" may be that person’s', () => {
    const built = library({
      'a.txt': 'Nobody expected Dariel Voss to play.\n\n“I felt ready for it,” Voss said after the game.\n',
      'b.txt': 'Senator Mara Voss voted against the bill on Tuesday.\n',
    });
    expect(built.people.find('Mara Voss')?.name).toBe('Mara Voss');
    expect(built.people.find('Dariel Voss')).toBeUndefined();
  });

  it('lets a surname shaped like a place name a person the text describes outright', () => {
    const built = library({
      'a.txt':
        'The warning came from former Kremlin adviser Nora Hill, a scholar at the institute.\n\n' +
        'Nora Hill, a historian, testified on Monday.\n\n“And I asked, well, on whose authority?” said Hill.\n',
    });
    expect(speakerOf(built, 'on whose authority')).toBe('Nora Hill');
  });
});
