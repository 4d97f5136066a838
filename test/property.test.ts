import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../src/core/answer/answer.ts';
import { CommandNameSchema } from '../src/core/answer/answer-schema.ts';
import { loadLibrary, type Library } from '../src/core/library/library.ts';
import { SEED_CORPUS } from './support/corpus-dir.ts';

let library: Library;
const files = new Map<string, string>();
beforeAll(async () => {
  library = await loadLibrary(SEED_CORPUS);
  for (const document of library.documents) {
    files.set(document.file, await readFile(path.join(SEED_CORPUS, document.file), 'utf8'));
  }
});

/** Queries built from corpus words, typographic noise and arbitrary Unicode. */
const queryArbitrary = (): fc.Arbitrary<string> => {
  const corpusWords = fc.constantFrom('Witkoff', 'al-Hayya', 'Kushner', 'ceasefire', 'cease‑fire', 'Oct. 7', 'burden', 'Netanyahu’s', 'Doha', '“all or nothing”');
  const noise = fc.constantFrom('\u2011', '\u202F', '\u00AD', '—', '’s', '@everyone', '<@123>', '*', '_', '`');
  return fc.array(fc.oneof(corpusWords, noise, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 6 }).map((parts) => parts.join(' '));
};

describe('every answer quotes its source exactly', () => {
  it('for arbitrary queries, each result text is a substring of its file at its offsets', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CommandNameSchema.options), queryArbitrary(), fc.option(queryArbitrary(), { nil: undefined }), (command, query, speaker) => {
        const result = answer(library, command, query, { limit: 10, ...(speaker ? { speaker } : {}) });
        for (const item of result.results) {
          const file = files.get(item.source.file);
          expect(file).toBeDefined();
          expect(file?.includes(item.text)).toBe(true);
          expect(file?.slice(item.start, item.end)).toBe(item.text);
          for (const span of item.highlights ?? []) expect(span.end).toBeLessThanOrEqual(item.text.length);
          if (item.when) expect(item.text.slice(item.when.start, item.when.end)).toBe(item.when.text);
        }
      }),
      { numRuns: 300 },
    );
  });
});
