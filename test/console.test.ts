import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary, type Library } from '../src/core/library/library.ts';
import { answerConsoleLine, runConsole } from '../src/console.ts';
import { SEED_CORPUS } from './support/corpus-dir.ts';
import { runScript } from './support/run-cli.ts';

let library: Library;
beforeAll(async () => {
  library = await loadLibrary(SEED_CORPUS);
});

describe('the local console', () => {
  it('answers slash commands with citations, and help', () => {
    expect(answerConsoleLine(library, '/who Witkoff --limit 1')).toMatch(/Witkoff[\s\S]*— .*¶\d+/u);
    expect(answerConsoleLine(library, '/quote burden --speaker Witkoff')).toMatch(/burden/);
    expect(answerConsoleLine(library, '/when "six-week ceasefire"')).toMatch(/six-week ceasefire[\s\S]*when: last Saturday/u);
    expect(answerConsoleLine(library, '/when Thursday --order timeline --limit 3')).toMatch(/^1\. [\s\S]*\(2025-07-24\)/u);
    expect(answerConsoleLine(library, '/help')).toMatch(/\/who <name>/);
    expect(answerConsoleLine(library, '/exit')).toBeUndefined();
    expect(answerConsoleLine(library, '/who')).toMatch(/needs a query[\s\S]*\/help/u);
  });

  it('runs until /exit over real streams', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const done = runConsole(library, input, output);
    input.write('/who Huckabee --limit 1\n/exit\n/who never-reached\n');
    await done;
    expect(printed).toMatch(/Verbatim: 5 documents/);
    expect(printed).toMatch(/Huckabee/);
    expect(printed).not.toMatch(/never-reached/);
  });

  it('is what npm start opens without a token, and leaves on end of input', async () => {
    const run = await runScript('src/main.ts', [], { input: '/who Smotrich --limit 1\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Bezalel Smotrich, the finance minister/);
    expect(run.stdout).toMatch(/verbatim> $/u);
  });
});
