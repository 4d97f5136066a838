import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary, type Library } from '../src/core/library/library.ts';
import { evaluateRound, formatFigures, readRound, type RoundFigures } from './support/realnews-eval.ts';

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

});
