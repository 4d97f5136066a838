import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary, type Library } from '../src/core/library/library.ts';
import { evaluateRound, formatFigures, readRound, type RoundFigures, type Score } from './support/realnews-eval.ts';

/**
 * Real news nobody here wrote (README, "Real news"): every labelled round is
 * scored over one Library of all the rounds' articles, and each command is
 * held to be no worse than plain minisearch over the same passages.
 */
const REALNEWS = fileURLToPath(new URL('./fixtures/realnews', import.meta.url));

let library: Library;
const rounds = new Map<string, RoundFigures>();

beforeAll(async () => {
  library = await loadLibrary(`${REALNEWS}/corpus`);
  const names = (await readdir(REALNEWS)).filter((name) => name.endsWith('.yaml')).sort();
  for (const name of names) rounds.set(name.replace(/\.yaml$/u, ''), evaluateRound(library, await readRound(`${REALNEWS}/${name}`)));
  console.log(['| round | command | top 1 | top 5 | plain BM25 top 5 | more |', '| --- | --- | --- | --- | --- | --- |', ...[...rounds].map(([name, figures]) => formatFigures(name, figures))].join('\n'));
  for (const [name, figures] of rounds) console.log(`${name} misses:\n  ${figures.misses.join('\n  ')}`);
}, 60_000);

describe('real news', () => {
  it('loads every article', () => {
    expect(library.problems).toEqual([]);
    expect(rounds.size).toBeGreaterThan(0);
  });


  /**
   * The figures reached when this round's rules were last changed (README, "Real news", now column):
   * none may drop.
   */
  const FLOORS: Record<string, { who: number; quote: number; speaker: number; whenPassage: number; whenExpression: number; nothing: number }> = {
    dev: { who: 118, quote: 186, speaker: 131, whenPassage: 116, whenExpression: 113, nothing: 48 },
    'heldout-1': { who: 120, quote: 223, speaker: 142, whenPassage: 119, whenExpression: 113, nothing: 44 },
    'heldout-2': { who: 104, quote: 188, speaker: 128, whenPassage: 113, whenExpression: 108, nothing: 44 },
  };

  it('keeps every round at least at the figures last reached', () => {
    for (const [name, figures] of rounds) {
      const floor = FLOORS[name];
      expect(floor, `no floor for round ${name}`).toBeDefined();
      if (!floor) continue;
      const hits = (score: Score): number => score.hits;
      expect(hits(figures.who.topK), `${name} /who`).toBeGreaterThanOrEqual(floor.who);
      expect(hits(figures.quote.topK), `${name} /quote`).toBeGreaterThanOrEqual(floor.quote);
      expect(hits(figures.quote.speaker), `${name} /quote speaker`).toBeGreaterThanOrEqual(floor.speaker);
      expect(hits(figures.when.passageTopK), `${name} /when passage`).toBeGreaterThanOrEqual(floor.whenPassage);
      expect(hits(figures.when.topK), `${name} /when expression`).toBeGreaterThanOrEqual(floor.whenExpression);
      expect(hits(figures.nothing.verbatim), `${name} nothing found`).toBeGreaterThanOrEqual(floor.nothing);
    }
  });

  it('describes a person, finds the event of a /when question, a quotation, and nothing for what the corpus never mentions, at least as often as plain BM25', () => {
    for (const [name, figures] of rounds) {
      expect(figures.who.topK.hits, `${name} /who`).toBeGreaterThanOrEqual(figures.who.bm25TopK.hits);
      expect(figures.quote.topK.hits, `${name} /quote`).toBeGreaterThanOrEqual(figures.quote.bm25TopK.hits);
      expect(figures.when.passageTopK.hits, `${name} /when`).toBeGreaterThanOrEqual(figures.when.bm25TopK.hits);
      expect(figures.nothing.verbatim.hits, `${name} nothing found`).toBeGreaterThanOrEqual(figures.nothing.bm25.hits);
    }
  });
});
