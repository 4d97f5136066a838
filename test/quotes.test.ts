import { beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary, type Library } from '../src/core/library.ts';
import { SEED_CORPUS } from './support/corpus-dir.ts';
import { QUOTE_FIXTURES, readQuoteLabels, scoreQuotations, type QuoteLabel, type QuoteScores } from './support/quote-evaluation.ts';

/** The bar the issue sets: published quote-attribution systems reach about 0.8–0.9 on news text. */
const REQUIRED = 0.95;

let seed: QuoteScores;
let fixtures: QuoteScores;
let seedLabels: QuoteLabel[];
let fixtureLabels: QuoteLabel[];

const figures = (name: string, scores: QuoteScores): string =>
  `${name}: ${scores.labelled} labelled, ${scores.extracted} extracted, precision ${scores.precision.toFixed(3)}, recall ${scores.recall.toFixed(3)}, attribution ${scores.attribution.toFixed(3)} (${scores.attributed}/${scores.matched})`;

beforeAll(async () => {
  const labels = await readQuoteLabels();
  seedLabels = labels.seed;
  fixtureLabels = labels.fixtures;
  const [seedLibrary, fixtureLibrary]: Library[] = await Promise.all([loadLibrary(SEED_CORPUS), loadLibrary(QUOTE_FIXTURES)]);
  seed = scoreQuotations(seedLibrary as Library, seedLabels);
  fixtures = scoreQuotations(fixtureLibrary as Library, fixtureLabels);
});

describe('quotation extraction and attribution against hand labels', () => {
  it('labels at least 60 quotations, every file of both corpora in full', () => {
    expect(seedLabels.length + fixtureLabels.length).toBeGreaterThanOrEqual(60);
    expect(new Set(fixtureLabels.map((label) => label.file)).size).toBeGreaterThanOrEqual(8);
  });

  it(`reaches ${REQUIRED} precision, recall and attribution accuracy on seed + fixtures`, () => {
    const matched = seed.matched + fixtures.matched;
    const total = {
      precision: matched / (seed.extracted + fixtures.extracted),
      recall: matched / (seed.labelled + fixtures.labelled),
      attribution: (seed.attributed + fixtures.attributed) / matched,
    };
    console.log(
      [
        figures('seed corpus', seed),
        figures('fixtures', fixtures),
        `overall: ${seed.labelled + fixtures.labelled} labelled, precision ${total.precision.toFixed(3)}, recall ${total.recall.toFixed(3)}, attribution ${total.attribution.toFixed(3)}`,
        ...[...seed.errors, ...fixtures.errors].map((error) => `  ${error}`),
      ].join('\n'),
    );
    expect(total.precision, seed.errors.concat(fixtures.errors).join('\n')).toBeGreaterThanOrEqual(REQUIRED);
    expect(total.recall, seed.errors.concat(fixtures.errors).join('\n')).toBeGreaterThanOrEqual(REQUIRED);
    expect(total.attribution, seed.errors.concat(fixtures.errors).join('\n')).toBeGreaterThanOrEqual(REQUIRED);
  });
});
