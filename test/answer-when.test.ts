import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../src/core/answer/answer.ts';
import { AnswerSchema, type Answer } from '../src/core/answer/answer-schema.ts';
import { loadLibrary, type Library } from '../src/core/library/library.ts';
import { renderAnswerText } from '../src/render-text.ts';
import { makeTempCorpus, SEED_CORPUS, type TempCorpus } from './support/corpus-dir.ts';
import { runScript } from './support/run-cli.ts';

/** Articles about one event written on different days, some dated by metadata, one by its dateline, one not at all. */
const TRUCE_ARTICLES: Record<string, string> = {
  'a.txt': 'Negotiators resumed the truce talks in Cairo on Sunday, officials said.\n',
  'a.meta.yaml': 'date: "2024-03-11"\n',
  'b.txt': 'The truce talks collapsed in November, when the fighting resumed.\n',
  'b.meta.yaml': 'date: "2023-12-31"\n',
  'c.txt': 'Published July 24, 2025\nThe truce talks ended on Thursday without a deal.\n',
  'd.txt': 'Mediators described the truce talks as difficult and slow.\n',
  'e.txt': 'Mediators said the truce talks were tense. Both delegations left the truce talks early.\n',
  'e.meta.yaml': 'date: "2025-02-01"\n',
  'f.txt': 'The truce talks began in March. Nobody expected much. The envoy walked out of the truce talks on Thursday after a row.\n',
  'f.meta.yaml': 'date: "2025-07-24"\n',
};

function expectVerbatim(library: Library, result: Answer): void {
  expect(AnswerSchema.parse(result)).toEqual(result);
  for (const item of result.results) {
    const file = library.documentsByFile.get(item.source.file)?.text ?? '';
    expect(file.slice(item.start, item.end)).toBe(item.text);
    if (item.when) {
      expect(item.text.slice(item.when.start, item.when.end)).toBe(item.when.text);
      expect(file.slice((item.start ?? 0) + (item.when.start ?? 0), (item.start ?? 0) + (item.when.end ?? 0))).toBe(item.when.text);
    }
  }
}

describe('/when on the seed corpus', () => {
  let library: Library;
  beforeAll(async () => {
    library = await loadLibrary(SEED_CORPUS);
  });

  it('answers with the sentence that says when, the expression marked, undated when its article is', () => {
    const result = answer(library, 'when', 'six-week ceasefire ended');
    expectVerbatim(library, result);
    const [first] = result.results;
    expect(first?.text).toBe(
      'This development follows the conclusion of a six-week ceasefire between Israel and Hamas last Saturday, with no immediate plans for further peace talks.',
    );
    const at = first?.text.indexOf('last Saturday') ?? -1;
    expect(first?.when).toEqual({ text: 'last Saturday', start: at, end: at + 'last Saturday'.length });
    expect(first?.documentDate).toBeUndefined();
  });

  it('resolves the expression against the article date', () => {
    const result = answer(library, 'when', 'Hamas responded to the latest Israeli cease-fire proposal');
    expectVerbatim(library, result);
    expect(result.results[0]?.when).toMatchObject({ text: 'On Thursday morning', date: '2025-07-24' });
    expect(result.results[0]?.documentDate).toEqual({ date: '2025-07-24', source: 'metadata' });
  });

  it('says plainly when nothing in the corpus matches', () => {
    const result = answer(library, 'when', 'qqqzzz');
    expect(result.results).toEqual([]);
    expect(renderAnswerText(result)).toBe('Nothing in the corpus says when that happened (/when qqqzzz).');
  });
});

describe('/when across dated articles', () => {
  let corpus: TempCorpus;
  let library: Library;
  beforeAll(async () => {
    corpus = await makeTempCorpus(TRUCE_ARTICLES);
    library = await loadLibrary(corpus.dir);
  });
  afterAll(() => corpus.remove());

  it('lists the answers by date with order timeline, undated ones last', () => {
    const timeline = answer(library, 'when', 'truce talks', { limit: 10, order: 'timeline' });
    expectVerbatim(library, timeline);
    const dates = timeline.results.map((item) => item.when?.date ?? null);
    expect(dates).toEqual(['2023-11', '2024-03-10', '2025-07-24', '2025-07-24', null, null]);
    const byRelevance = answer(library, 'when', 'truce talks', { limit: 10 });
    expect(new Set(byRelevance.results.map((item) => item.text))).toEqual(new Set(timeline.results.map((item) => item.text)));
    expect(byRelevance.results.map((item) => item.when?.date ?? null)).not.toEqual(dates);
  });

  it('picks the expression nearest the matched words, in their sentence first', () => {
    const result = answer(library, 'when', 'envoy walked out', { limit: 1 });
    expect(result.results[0]?.text).toBe('The envoy walked out of the truce talks on Thursday after a row.');
    expect(result.results[0]?.when).toMatchObject({ text: 'on Thursday', date: '2025-07-24' });
  });

  it('shows the date of an article from its dateline, and of one whose passage has no time expression', () => {
    const fromDateline = answer(library, 'when', 'truce talks ended without a deal', { limit: 1 }).results[0];
    expect(fromDateline?.when).toMatchObject({ text: 'on Thursday', date: '2025-07-24' });
    expect(fromDateline?.documentDate).toEqual({ date: '2025-07-24', source: 'dateline' });
    expect(fromDateline?.source.date).toBeUndefined();

    const withoutExpression = answer(library, 'when', 'delegations tense', { limit: 1 });
    const [item] = withoutExpression.results;
    expect(item?.when).toBeUndefined();
    expect(item?.text).toBe('Mediators said the truce talks were tense. Both delegations left the truce talks early.');
    expect(item?.documentDate).toEqual({ date: '2025-02-01', source: 'metadata' });
    expect(renderAnswerText(withoutExpression)).toMatch(/when: not said here; the document is dated 2025-02-01 \(from its metadata\)/u);
  });

  it('orders by timeline from the command line', async () => {
    const run = await runScript('src/cli.ts', ['when', 'truce talks', '--order', 'timeline', '--limit', '10', '--json'], { env: { CORPUS_DIR: corpus.dir } });
    expect(run.code).toBe(0);
    const dates = AnswerSchema.parse(JSON.parse(run.stdout)).results.map((item) => item.when?.date ?? null);
    expect(dates.slice(0, 2)).toEqual(['2023-11', '2024-03-10']);
  });
});
