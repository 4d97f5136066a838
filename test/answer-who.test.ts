import { describe, expect, it } from 'vitest';
import { answer } from '../src/core/answer/answer.ts';
import { buildLibrary, type Library } from '../src/core/library/library.ts';

function libraryOf(files: Record<string, string>): Library {
  return buildLibrary(Object.entries(files).map(([file, text]) => ({ file, text, bodyStart: 0, format: 'text', meta: {}, bytes: text.length })));
}

/** An article that says who Ines Marlowe is again and again, paragraph after paragraph. */
const PROFILE = [
  'Ines Marlowe, the harbour master of Port Ellery, said the quay would reopen on Monday.',
  'The harbour master Ines Marlowe walked the length of the breakwater before dawn.',
  'Marlowe, a former ferry captain, has run the port for eleven years.',
  'Ines Marlowe, the chair of the pilots’ association, called the storm the worst in a decade.',
  'Port Ellery harbour master Ines Marlowe thanked the volunteers who shored up the wall.',
  'Ines Marlowe, a lifelong sailor, said the fishing fleet would go out again next week.',
].join('\n\n');

/** Another article that names her once, saying only what she did. */
const BRIEF = [
  'The regatta committee met on Tuesday to set the date of the autumn race.',
  'Ines Marlowe opened the meeting by reading the tide tables aloud to the committee.',
].join('\n\n');

describe('/who for a person named in several articles', () => {
  it('gives every article naming the person a place on the first page, not one article’s many descriptions', () => {
    const library = libraryOf({ 'profile.txt': PROFILE, 'brief.txt': BRIEF });
    const results = answer(library, 'who', 'Ines Marlowe').results;
    expect(results).toHaveLength(5);
    expect(results[0]?.source.file).toBe('profile.txt');
    const brief = results.find((result) => result.source.file === 'brief.txt');
    expect(brief?.text).toMatch(/^Ines Marlowe opened the meeting/u);
    expect(brief?.highlights?.map((span) => brief.text.slice(span.start, span.end))).toEqual(['Ines Marlowe']);
  });

  it('keeps an article’s further descriptions before passages that only name the person', () => {
    const library = libraryOf({ 'profile.txt': PROFILE, 'brief.txt': BRIEF });
    const files = answer(library, 'who', 'Ines Marlowe').results.map((result) => result.source.file);
    expect(files.filter((file) => file === 'profile.txt')).toHaveLength(4);
  });
});

describe('/who for a name one letter from a known person’s', () => {
  const library = libraryOf({
    'council.txt': 'Tobias Greene, the mayor of Port Ellery, said the council would meet on Friday.\n\nGreene said the vote was close.',
    'voyage.txt': 'The crew of the trawler included a cheerful cook (Greeny) and two deckhands from the island.',
  });

  it('takes a name nowhere in the corpus for a slip', () => {
    expect(answer(library, 'who', 'Greenr').person?.name).toBe('Tobias Greene');
  });

  it('answers a name the corpus writes as typed with the passages naming it, not with the person it is one letter from', () => {
    const result = answer(library, 'who', 'Greeny');
    expect(result.person).toBeUndefined();
    expect(result.results.map((item) => item.source.file)).toEqual(['voyage.txt']);
    expect(result.suggestions).toContain('Tobias Greene');
  });
});
