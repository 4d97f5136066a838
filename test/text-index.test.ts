import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { indexTerm, mergeSegments, searchTextIndex, TextIndex, textIndexData, type IndexedText } from '../src/core/search/search.ts';
import { terms } from '../src/core/text/text.ts';
import { createRandom } from './support/random.ts';

/** Passages of made-up words drawn from a small vocabulary, so that terms repeat across segments. */
function randomEntries(count: number, seed: number): IndexedText[] {
  const random = createRandom(seed);
  const vocabulary = ['harbour', 'ferry', 'storm', 'pier', 'granite', 'mill', 'quay', 'council', 'regatta', 'lighthouse', 'keeper', 'vessel', 'timetable', 'flood'];
  return Array.from({ length: count }, (_, id) => ({
    id: id * 3 + 1,
    text: Array.from({ length: 3 + Math.floor(random() * 12) }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' '),
  }));
}

describe('the frozen text index', () => {
  it('holds the postings, field lengths and ids minisearch computes', () => {
    const entries = randomEntries(60, 7);
    const reference = new MiniSearch<IndexedText>({ fields: ['text'], storeFields: [], tokenize: terms, processTerm: indexTerm });
    reference.addAll(entries);
    const index = new TextIndex(textIndexData(entries));
    expect(index.documentCount).toBe(reference.documentCount);
    for (const term of ['harbour', 'storm', 'granit', 'lighthous']) {
      const expected = reference.search(term, { fields: ['text'], processTerm: (stem) => stem }).map((result) => result.id).sort((a, b) => a - b);
      const postings = index.postingsOf(term);
      const found: number[] = [];
      postings?.forEach((_frequency, shortId) => found.push(index.idOf(shortId) as number));
      expect(found, term).toEqual(expected);
    }
    expect(index.postingsOf('absent')).toBeUndefined();
    expect(index.termsStartingWith('light').map(([term]) => term)).toEqual(['lighthous']);
    expect(index.termsNear('harbor', 1).map(([term]) => term)).toContain('harbour');
  });

  it('answers the same from segments merged as from one index over all the entries', () => {
    const entries = randomEntries(90, 11);
    const whole = new TextIndex(textIndexData(entries));
    const merged = new TextIndex(mergeSegments([textIndexData(entries.slice(0, 25)), textIndexData(entries.slice(25, 26)), textIndexData(entries.slice(26))]));
    expect(merged.data.terms).toEqual(whole.data.terms);
    expect([...merged.data.ids]).toEqual([...whole.data.ids]);
    for (const query of ['storm pier', 'granite mill quay', 'lighthouse keeper vessel', 'council timetabl', 'flod']) {
      expect(searchTextIndex(merged, query, undefined, { floor: 0 }), query).toEqual(searchTextIndex(whole, query, undefined, { floor: 0 }));
    }
  });

  it('finds an entry by its id, and no entry for an id it was not given', () => {
    const index = new TextIndex(textIndexData(randomEntries(10, 3)));
    expect(index.has(4)).toBe(true);
    expect(index.has(5)).toBe(false);
    expect(index.idOf(index.shortIdOf(28) as number)).toBe(28);
  });
});
