import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema } from '../src/core/answer/answer-schema.ts';
import { makeTempCorpus, SEED_CORPUS, type TempCorpus } from './support/corpus-dir.ts';
import { runScript } from './support/run-cli.ts';

const ask = (...args: string[]) => runScript('src/cli.ts', args);

describe('npm run ask', () => {
  it('prints exactly one JSON document of the shared shape with --json', async () => {
    const run = await ask('who', 'Witkoff', '--json', '--limit', '3');
    expect(run.code).toBe(0);
    const answer = AnswerSchema.parse(JSON.parse(run.stdout));
    expect(answer.command).toBe('who');
    expect(answer.query).toBe('Witkoff');
    expect(answer.results).toHaveLength(3);
    for (const result of answer.results) {
      const file = await readFile(path.join(SEED_CORPUS, result.source.file), 'utf8');
      expect(file.slice(result.start, result.end)).toBe(result.text);
    }
  });

  it('answers quote with --speaker alone', async () => {
    const run = await ask('quote', '--speaker', 'Kushner', '--json');
    expect(run.code).toBe(0);
    const answer = AnswerSchema.parse(JSON.parse(run.stdout));
    expect(answer.results.length).toBeGreaterThan(0);
  });

  it('prints readable text with citations by default', async () => {
    const run = await ask('when', 'teams recalled', '--limit', '1');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^1\. .*recall/su);
    expect(run.stdout).toMatch(/— .*¶\d+ · 00\d_[0-9a-f]+\.txt/u);
  });

  it.each([
    [['frobnicate', 'x'], /unknown command "frobnicate"/],
    [['who'], /who needs a query; try: who Witkoff/],
    [['quote'], /quote needs a text or --speaker/],
    [['who', 'x', '--limit', 'many'], /--limit takes a whole number/],
    [['who', 'x', '--colour'], /Unknown option '--colour'/],
    [['when', 'x', '--speaker', 'y'], /--speaker goes with quote only/],
    [['who', 'x', '--order', 'timeline'], /--order goes with when only/],
    [['when', 'x', '--order', 'date'], /--order takes relevance or timeline, not "date"/],
  ])('rejects %j with one line that says what to type', async (args, message) => {
    const run = await ask(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  describe('with a corpus holding a bad file', () => {
    let corpus: TempCorpus;
    beforeAll(async () => {
      corpus = await makeTempCorpus({ 'good.txt': 'The envoy Jane Roe met the delegation in Oslo.\n', 'bad.txt': new Uint8Array([0, 1, 2]) });
    });
    afterAll(() => corpus.remove());

    it('still answers, keeps stdout pure JSON and reports the skipped file on stderr', async () => {
      const run = await runScript('src/cli.ts', ['who', 'Roe', '--json'], { env: { CORPUS_DIR: corpus.dir } });
      expect(run.code).toBe(0);
      expect(AnswerSchema.parse(JSON.parse(run.stdout)).results[0]?.text).toMatch(/Jane Roe/);
      expect(run.stderr).toMatch(/bad\.txt/);
      expect(run.stderr).toMatch(/binary/);
    });
  });

  it('names the variable and the fix when configuration is wrong', async () => {
    const run = await runScript('src/cli.ts', ['who', 'x'], { env: { LOG_LEVEL: 'loud' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/LOG_LEVEL/);
    expect(run.stderr).toMatch(/Set LOG_LEVEL in \.env to one of fatal/);
  });
});
