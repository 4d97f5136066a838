import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../src/core/answer/answer.ts';
import { AnswerSchema } from '../src/core/answer/answer-schema.ts';
import { loadLibrary, type Library } from '../src/core/library/library.ts';
import { SEED_CORPUS } from './support/corpus-dir.ts';

const PEOPLE_FIXTURES = fileURLToPath(new URL('fixtures/people', import.meta.url));
const PEOPLE_HOLDOUT = fileURLToPath(new URL('fixtures/people-holdout', import.meta.url));

let library: Library;
beforeAll(async () => {
  library = await loadLibrary(SEED_CORPUS);
});

describe('answer', () => {
  it('returns the shared shape, each text an exact slice of its file, with its citation', () => {
    const result = answer(library, 'who', 'Witkoff');
    expect(AnswerSchema.parse(result)).toEqual(result);
    expect(result.results.length).toBe(5);
    for (const item of result.results) {
      const document = library.documentsByFile.get(item.source.file);
      expect(document?.text.slice(item.start, item.end)).toBe(item.text);
      expect(item.text).toMatch(/Witkoff/);
      expect(item.source).toMatchObject(document?.meta ?? {});
    }
  });

  it('finds al‑Hayya (U+2011) and al-Hayya whichever the query types', () => {
    for (const query of ['al-Hayya', 'al\u2011Hayya', 'Khalil\u202Fal-Hayya']) {
      const texts = answer(library, 'who', query, { limit: 10 }).results.map((item) => item.text);
      expect(texts.some((text) => text.includes('al\u2011Hayya'))).toBe(true);
      expect(texts.some((text) => text.includes('al-Hayya'))).toBe(true);
    }
  });

  it('forgives a typo and completes a partial word', () => {
    expect(answer(library, 'who', 'Netanyahoo').results[0]?.text).toMatch(/Netanyahu/);
    expect(answer(library, 'who', 'Smotr').results[0]?.text).toMatch(/Smotrich/);
  });

  it('highlights the person\'s names inside the text', () => {
    const [first] = answer(library, 'who', 'Huckabee').results;
    expect(first?.highlights?.map((span) => first.text.slice(span.start, span.end))).toContain('Mike Huckabee');
  });

  it('never answers with page furniture', () => {
    for (const query of ['Image', 'NBCUniversal', 'rewrite text', 'Middle East Eye', 'Sections']) {
      for (const item of answer(library, 'who', query, { limit: 50 }).results) {
        const passage = library.passages.find((candidate) => candidate.start === item.start && candidate.file === item.source.file);
        expect(passage?.furniture).toBeUndefined();
      }
    }
  });

  it('meets other inflections of a word, and highlights the word as written', () => {
    const [first] = answer(library, 'when', 'teams recalled').results;
    expect(first?.text).toMatch(/recalling the teams/u);
    expect(first?.when).toMatchObject({ text: 'on Thursday', date: '2025-07-24' });
    expect(first?.highlights?.map((span) => first.text.slice(span.start, span.end))).toEqual(expect.arrayContaining(['recalling', 'teams']));
  });

  it('respects the limit', () => {
    expect(answer(library, 'when', 'ceasefire', { limit: 2 }).results).toHaveLength(2);
  });

  it('offers close names from the people index when nothing matches', () => {
    const result = answer(library, 'who', 'Hukabey');
    expect(result.results).toEqual([]);
    expect(result.suggestions).toContain('Mike Huckabee');
    expect(answer(library, 'who', 'qqqzzz')).toEqual({ command: 'who', query: 'qqqzzz', results: [] });
  });
});

describe('people are shown only in the corpus’s own words', () => {
  it.each([SEED_CORPUS, PEOPLE_FIXTURES, PEOPLE_HOLDOUT])('every name, alias and role is written so in %s', async (directory) => {
    const people = await loadLibrary(directory);
    const texts = people.documents.map((document) => document.text);
    const unwritten = people.people.people.flatMap((person) =>
      [person.name, ...person.aliases, ...person.roles].filter((form) => !texts.some((text) => text.includes(form))),
    );
    expect(people.people.people.length).toBeGreaterThan(5);
    expect(unwritten).toEqual([]);
  });
});
