import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../src/core/answer/answer.ts';
import { AnswerSchema } from '../src/core/answer/answer-schema.ts';
import { loadLibrary, type Library } from '../src/core/library/library.ts';
import { COVERAGE_FLOOR, createTextIndex, searchTextIndex } from '../src/core/search/search.ts';
import { passagesNaming } from '../src/core/answer/who-passages.ts';
import { renderAnswerText } from '../src/render-text.ts';
import { makeTempCorpus, SEED_CORPUS, type TempCorpus } from './support/corpus-dir.ts';

/** A small corpus written for these rules: a harbour town's news, with names the people index may not know. */
const HARBOUR: Record<string, string> = {
  'ferry.txt': [
    'The harbour ferry service was suspended on Monday after a storm damaged the pier.',
    'Engineers said the pier would need new pilings before the ferry could dock again.',
    'The town council met in the library hall to discuss the storm damage.',
    'Council members agreed that the ferry timetable would be published next week.',
  ].join('\n'),
  'market.txt': [
    'The fish market reopened on Saturday after repairs to its roof.',
    'Traders said the storm had kept buyers away for most of the week.',
    'A lighthouse keeper, Orla Brennagh, watched the boats return at dawn.',
    'Brennagh has kept the light for twenty years and logs every passing vessel.',
  ].join('\n'),
  'marathon.txt': ['The Kestrel Valley marathon was cancelled because of flooding near the quay.', 'Organisers said the race would be held again on Sunday.'].join('\n'),
  'regatta.txt': 'The rowing regatta will be held again on Saturday.\n',
  'quay.txt': [
    'Dockworkers repaired the quay wall with granite blocks from the old mill.',
    'The mill closed in 1998, and the granite had stood in a yard ever since.',
  ].join('\n'),
};

let corpus: TempCorpus;
let library: Library;
beforeAll(async () => {
  corpus = await makeTempCorpus(HARBOUR);
  library = await loadLibrary(corpus.dir);
});
afterAll(() => corpus.remove());

describe('BM25 with a coverage floor', () => {
  it('weighs rare words more: a passage with the rare word covers more than one with the common ones', () => {
    const index = createTextIndex([
      { id: 0, text: 'the storm and the storm again, storm after storm' },
      { id: 1, text: 'a granite storm' },
      { id: 2, text: 'the storm passed' },
      { id: 3, text: 'storm clouds' },
    ]);
    const [granite, ...others] = searchTextIndex(index, 'granite storm', undefined, { floor: 0 });
    expect(granite?.id).toBe(1);
    expect(granite?.coverage).toBe(1);
    for (const other of others) expect(other.coverage).toBeLessThan(0.5);
  });

  it('finds passages holding most of the words, not only the one holding them all', () => {
    const ids = searchTextIndex(createTextIndex([
      { id: 0, text: 'negotiating teams were recalled from Doha' },
      { id: 1, text: 'they were recalling the teams that had been negotiating in Doha on Thursday' },
      { id: 2, text: 'the weather in Doha was warm' },
    ]), 'negotiating teams recalled from Doha').map((hit) => hit.id);
    expect(ids).toContain(0);
    expect(ids).toContain(1);
    expect(ids).not.toContain(2);
  });

  it('answers nothing found, with suggestions, when no passage covers enough of the question', () => {
    const result = answer(library, 'when', 'volcano eruption evacuated ferry');
    expect(result.results).toEqual([]);
    expect(answer(library, 'when', 'ferry suspended').results[0]?.text).toMatch(/suspended on Monday/);
    const typo = answer(library, 'when', 'volcano eruption harbor');
    expect(typo.results).toEqual([]);
    expect(typo.suggestions).toEqual(expect.arrayContaining(['harbour']));
  });

  it('in a document that answers, finds passages covering half the floor, and only there', () => {
    const texts = answer(library, 'when', 'Kestrel Valley marathon held again', { limit: 10 }).results.map((item) => item.text);
    expect(texts).toContain('Organisers said the race would be held again on Sunday.');
    expect(texts).not.toContain('The rowing regatta will be held again on Saturday.');
  });

  it('still forgives a typo in a long word and completes a partial last word', () => {
    expect(answer(library, 'when', 'harbour fery suspended').results[0]?.text).toMatch(/ferry service was suspended/);
    expect(answer(library, 'when', 'fish market reop').results[0]?.text).toMatch(/reopened on Saturday/);
    expect(answer(library, 'when', 'granite quay wall repaired').results[0]?.text).toMatch(/quay wall/);
  });

  it('keeps a floor that is neither everything nor nothing', () => {
    expect(COVERAGE_FLOOR).toBeGreaterThan(0);
    expect(COVERAGE_FLOOR).toBeLessThan(1);
  });
});

describe('/who for a name the people index does not know', () => {
  it('answers with the passages naming it, adjacent and in order, folded, the first mention in its document first', () => {
    for (const query of ['Orla Brennagh', 'orla brennagh', 'ÓRLA BREN\u00ADNAGH']) {
      const results = passagesNaming(library, query, 5);
      expect(results[0]?.text).toMatch(/A lighthouse keeper, Orla Brennagh/);
      expect(results[0]?.highlights?.map((span) => results[0]?.text.slice(span.start, span.end))).toEqual(['Orla Brennagh']);
      expect(results[1]?.text).toMatch(/^Brennagh has kept the light/);
      for (const item of results) expect(library.documentsByFile.get(item.source.file)?.text.slice(item.start, item.end)).toBe(item.text);
    }
  });

  it('does not take words that are merely near each other for the name', () => {
    expect(passagesNaming(library, 'Council Storm', 5)).toEqual([]);
    expect(passagesNaming(library, 'Market Storm', 5)).toEqual([]);
    expect(answer(library, 'who', 'Marguerite Ostrowski').results).toEqual([]);
  });

  it('drops a leading title but never a word of the name', () => {
    expect(passagesNaming(library, 'Captain Orla Brennagh', 5).length).toBeGreaterThan(0);
    expect(passagesNaming(library, 'Dr. Orla Brennagh', 5).length).toBeGreaterThan(0);
    expect(passagesNaming(library, 'Nuala Brennagh', 5)).toEqual([]);
  });

  it('is what /who answers when the people index knows no one by that name, with close names offered', () => {
    const query = 'the old mill';
    expect(library.people.lookup(query)).toEqual([]);
    const result = answer(library, 'who', query);
    expect(AnswerSchema.parse(result)).toEqual(result);
    expect(result.results.map((item) => item.text)).toEqual(passagesNaming(library, query, 5).map((item) => item.text));
    expect(result.results[0]?.text).toMatch(/granite blocks from the old mill/);
    expect(renderAnswerText(result)).toMatch(/^No one called “the old mill” is in the people index; the passages that match it:/u);
  });

  it('answers with the plain search when the words stand nowhere side by side, so never emptier than BM25', () => {
    expect(passagesNaming(library, 'granite mill', 5)).toEqual([]);
    const result = answer(library, 'who', 'granite mill');
    expect(result.person).toBeUndefined();
    expect(result.results.map((item) => item.source.file)).toEqual(['quay.txt', 'quay.txt']);
    expect(result.results.every((item) => /granite/u.test(item.text) && /mill/u.test(item.text))).toBe(true);
  });
});

describe('the seed corpus', () => {
  let seed: Library;
  beforeAll(async () => {
    seed = await loadLibrary(SEED_CORPUS);
  });

  it('lists a quotation repeated in its document once, citing its first paragraph and saying where it recurs', () => {
    const result = answer(seed, 'quote', '', { speaker: 'Witkoff', limit: 50 });
    const burden = result.results.filter((item) => item.text.includes('The hostages have become more of a burden'));
    expect(burden).toHaveLength(1);
    expect(burden[0]?.paragraph).toBe(8);
    expect(burden[0]?.recursIn).toEqual([37]);
    expect(renderAnswerText(result)).toMatch(/also in: ¶37/);
  });

  it('lists a pull quote once whatever the question', () => {
    const texts = answer(seed, 'quote', 'hostages burden leverage', { limit: 10 }).results.map((item) => item.text);
    expect(texts.filter((text) => text.includes('more of a burden than a leverage tool'))).toHaveLength(1);
  });

  it('lists its quotations in passage order, which finding a quotation\'s recurrences relies on', () => {
    const ids = seed.quotations.map((quotation) => quotation.passageId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});
