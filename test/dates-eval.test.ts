import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary, type Library } from '../src/core/library/library.ts';
import { makeTempCorpus, SEED_CORPUS, type TempCorpus } from './support/corpus-dir.ts';
import { figuresOf, type Figures, placeLabels, readCases, readSeedLabels, score, type Scores } from './support/time-labels.ts';

/**
 * The extractor measured against labelled time expressions
 * (test/fixtures/dates): precision and recall of the spans, exact and
 * overlapping, and how many resolved dates are right. The figures are printed
 * and stated in README ("/when").
 */

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

function report(name: string, scores: Scores, figures: Figures): void {
  const lines = [
    `${name}: ${scores.gold} labelled, ${scores.found} found, ${scores.exact} exact`,
    `  spans  precision ${percent(figures.precision)}  recall ${percent(figures.recall)}` +
      `  (overlapping: ${percent(figures.overlapPrecision)} / ${percent(figures.overlapRecall)})`,
    `  dates  right ${percent(figures.dateAccuracy)} of exact matches; ${scores.rightDated} of ${scores.dated} dates given are right (${percent(figures.datePrecision)})`,
    ...scores.misses.map((miss) => `  - ${miss}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function scoreCases(name: string): Promise<{ scores: Scores; figures: Figures; corpus: TempCorpus }> {
  const cases = await readCases(name);
  const corpus = await makeTempCorpus();
  const files = cases.map((_, index) => `case-${String(index + 1).padStart(3, '0')}.txt`);
  await Promise.all(
    cases.flatMap((labelled, index) => {
      const file = files[index] ?? '';
      const writes = [corpus.write(file, `${labelled.text}\n`)];
      if (labelled.date) writes.push(corpus.write(file.replace(/\.txt$/u, '.meta.yaml'), `date: "${labelled.date}"\n`));
      return writes;
    }),
  );
  const library = await loadLibrary(corpus.dir);
  const gold = cases.flatMap((labelled, index) => placeLabels(files[index] ?? '', `${labelled.text}\n`, labelled.expect));
  const scores = score(library, gold);
  const figures = figuresOf(scores);
  report(name, scores, figures);
  return { scores, figures, corpus };
}

describe('time expressions against labelled text', () => {
  const corpora: TempCorpus[] = [];
  afterAll(() => Promise.all(corpora.map((corpus) => corpus.remove())));

  it.each(['dev.yaml', 'heldout.yaml', 'blind.yaml'])('%s: spans and dates above 0.9', async (name) => {
    const { figures, corpus } = await scoreCases(name);
    corpora.push(corpus);
    expect(figures.precision).toBeGreaterThanOrEqual(0.9);
    expect(figures.recall).toBeGreaterThanOrEqual(0.9);
    expect(figures.dateAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(figures.datePrecision).toBeGreaterThanOrEqual(0.95);
  });

  describe('the seed corpus', () => {
    let library: Library;
    beforeAll(async () => {
      library = await loadLibrary(SEED_CORPUS);
    });

    it('finds every labelled expression and resolves it as labelled', async () => {
      const labels = await readSeedLabels();
      const gold = [...labels].flatMap(([file, fileLabels]) => placeLabels(file, library.documentsByFile.get(file)?.text ?? '', fileLabels));
      const scores = score(library, gold);
      const figures = figuresOf(scores);
      report('seed corpus', scores, figures);
      expect(figures.precision).toBeGreaterThanOrEqual(0.95);
      expect(figures.recall).toBeGreaterThanOrEqual(0.95);
      expect(figures.dateAccuracy).toBeGreaterThanOrEqual(0.95);
    });
  });
});
