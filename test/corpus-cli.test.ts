import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySeedCorpus, makeTempCorpus, type TempCorpus } from './support/corpus-dir.ts';
import { runScript } from './support/run-cli.ts';

const PAGE = `<!DOCTYPE html><html><head><title>Ferry strike ends</title><meta property="og:site_name" content="Coast Courier"></head><body><article>
<p>The ferry captain Lorcan Abiodun-Weiss said on Monday that the crews would return to work after a three-week strike over rosters and pay.</p>
<p>“We got what we came for,” Abiodun-Weiss told reporters at the harbour, adding that the first sailing would leave at dawn on Tuesday.</p>
</article></body></html>`;

let corpus: TempCorpus;
let uploads: TempCorpus;

beforeAll(async () => {
  corpus = await copySeedCorpus();
  uploads = await makeTempCorpus({ 'ferry strike.html': PAGE, 'photo.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) });
});

afterAll(async () => {
  await corpus.remove();
  await uploads.remove();
});

const corpusCli = (...args: string[]) => runScript('src/corpus-cli.ts', args, { env: { CORPUS_DIR: corpus.dir, LOG_LEVEL: 'info' } });

describe('npm run corpus', () => {
  it('adds a saved page with the same store and summary as /corpus add, and logs who and the hash', async () => {
    const run = await corpusCli('add', path.join(uploads.dir, 'ferry strike.html'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Stored as added\/ferry strike\.md \(web page, \d+ bytes, sha256 [0-9a-f]{64}\)\.\nFrom now on the bot quotes this stored text word for word\.\n/u);
    expect(run.stdout).toContain('Title: Ferry strike ends\nBy: Coast Courier\n');
    expect(run.stdout).toMatch(/Quotations: 1, 1 with a speaker \(Lorcan Abiodun-Weiss\)/u);
    const audit = JSON.parse(run.stderr.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(audit).toMatchObject({ msg: 'corpus file added', action: 'add', file: 'added/ferry strike.md', by: { via: 'console' } });
  });

  it('lists the documents with who added them, removes one and restores it byte for byte', async () => {
    expect((await corpusCli('list')).stdout).toMatch(/^added\/ferry strike\.md · Ferry strike ends · added by \S+ on \d{4}-\d\d-\d\d$/mu);
    const original = await readFile(path.join(corpus.dir, '002_b23aa22bd236c092.txt'));
    const removed = await corpusCli('remove', '002_b23aa22bd236c092.txt');
    expect(removed.code).toBe(0);
    const removedAs = /npm run corpus -- restore (\S+)/u.exec(removed.stdout)?.[1] ?? '';
    const restored = await corpusCli('restore', removedAs);
    expect(restored.stdout).toMatch(/is back as 002_b23aa22bd236c092\.txt, with its metadata\./u);
    expect(await readFile(path.join(corpus.dir, '002_b23aa22bd236c092.txt'))).toEqual(original);
  });

  it('refuses a binary renamed .txt with status 1, and bad usage with status 2', async () => {
    const refused = await corpusCli('add', path.join(uploads.dir, 'photo.txt'));
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toContain('photo.txt was not added: its content is image/png (.png), not text as its name says.');
    const usage = await corpusCli('delete', 'x.txt');
    expect(usage).toMatchObject({ code: 2, stderr: 'Usage: npm run corpus -- add PATH | remove NAME | restore [NAME] | list\n' });
  });
});
