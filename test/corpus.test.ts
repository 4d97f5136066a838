import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/core/corpus/corpus.ts';
import { makeTempCorpus, SEED_CORPUS, type TempCorpus } from './support/corpus-dir.ts';

let corpus: TempCorpus | undefined;
afterEach(async () => {
  await corpus?.remove();
  corpus = undefined;
});

describe('loadCorpus', () => {
  it('loads the seed corpus with metadata only from sidecars', async () => {
    const { documents, problems } = await loadCorpus(SEED_CORPUS);
    expect(problems).toEqual([]);
    expect(documents.map((document) => document.file)).toEqual([
      '000_1057cea342d35161.txt',
      '001_9f5de07045ad877d.txt',
      '002_b23aa22bd236c092.txt',
      '003_871778c968b7d911.txt',
      '004_597d4e306f2944f8.txt',
    ]);
    expect(documents[1]?.meta).toEqual({ author: 'David E. Sanger', date: '2025-07-24' });
    expect(documents[3]?.meta).toEqual({});
  });

  it('reads .txt and .md recursively, with front matter kept out of the body', async () => {
    corpus = await makeTempCorpus({
      'a.txt': 'First paragraph.\r\nSecond paragraph.\r\n',
      'nested/deeper/b.md': '---\ntitle: A title\ndate: 2025-03-04\n---\nOne paragraph\nwrapped.\n\nAnother.\n',
      'notes.csv': 'ignored,file\n',
    });
    const { documents, problems } = await loadCorpus(corpus.dir);
    expect(problems).toEqual([]);
    const markdown = documents.find((document) => document.file === 'nested/deeper/b.md');
    expect(markdown?.meta).toEqual({ title: 'A title', date: '2025-03-04' });
    expect(markdown?.text.slice(markdown.bodyStart)).toBe('One paragraph\nwrapped.\n\nAnother.\n');
    expect(documents.map((document) => document.file)).toEqual(['a.txt', 'nested/deeper/b.md']);
  });

  it('reports and skips empty, binary, non-UTF-8, oversized and unreadable files', async () => {
    corpus = await makeTempCorpus({
      'good.txt': 'A good paragraph.\n',
      'empty.txt': '  \n\n',
      'binary.txt': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]),
      'latin1.txt': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'huge.txt': 'x'.repeat(2_000),
      'only-front-matter.md': '---\ntitle: T\n---\n',
      'bad-yaml.md': '---\ntitle: [unclosed\n---\nBody.\n',
    });
    await symlink(path.join(corpus.dir, 'missing-target.txt'), path.join(corpus.dir, 'broken-link.txt'));
    const { documents, problems } = await loadCorpus(corpus.dir, { maxFileBytes: 1_000 });
    expect(documents.map((document) => document.file)).toEqual(['good.txt']);
    const reasons = Object.fromEntries(problems.map((problem) => [problem.file, problem.reason]));
    expect(reasons['empty.txt']).toBe('empty');
    expect(reasons['binary.txt']).toMatch(/binary/);
    expect(reasons['latin1.txt']).toMatch(/UTF-8/);
    expect(reasons['huge.txt']).toMatch(/too large \(2000 bytes/);
    expect(reasons['only-front-matter.md']).toMatch(/empty/);
    expect(reasons['bad-yaml.md']).toMatch(/front matter is not valid YAML/);
    expect(reasons['broken-link.txt']).toMatch(/unreadable \(ENOENT\)/);
    expect(problems.every((problem) => problem.skipped)).toBe(true);
  });

  it('follows a link to a file inside the folder, and reports one leading outside without reading it', async () => {
    const elsewhere = await makeTempCorpus({ 'secret.txt': 'A secret paragraph.\n' });
    corpus = await makeTempCorpus({ 'real/article.txt': 'A paragraph inside.\n' });
    await symlink(path.join(corpus.dir, 'real', 'article.txt'), path.join(corpus.dir, 'inside-link.txt'));
    await symlink(path.join(elsewhere.dir, 'secret.txt'), path.join(corpus.dir, 'outside-link.txt'));
    try {
      const { documents, problems } = await loadCorpus(corpus.dir);
      expect(documents.map((document) => [document.file, document.text])).toEqual([
        ['inside-link.txt', 'A paragraph inside.\n'],
        ['real/article.txt', 'A paragraph inside.\n'],
      ]);
      expect(problems).toEqual([{ file: 'outside-link.txt', reason: 'a link to a file outside the corpus folder (not followed)', skipped: true }]);
    } finally {
      await elsewhere.remove();
    }
  });

  it('keeps a document whose metadata is invalid, without the metadata, and says why', async () => {
    corpus = await makeTempCorpus({
      'a.txt': 'Body.\n',
      'a.meta.yaml': 'title: Fine\ndate: July 2025\nsection: World\n',
      'b.md': '---\nurl: not a url\n---\nBody.\n',
    });
    const { documents, problems } = await loadCorpus(corpus.dir);
    expect(documents.map((document) => [document.file, document.meta])).toEqual([
      ['a.txt', {}],
      ['b.md', {}],
    ]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ file: 'a.meta.yaml', skipped: false });
    expect(problems[0]?.reason).toMatch(/date: must be YYYY/);
    expect(problems[0]?.reason).toMatch(/section/);
    expect(problems[1]).toMatchObject({ file: 'b.md', skipped: false });
  });

  it('says which folder is missing and how to fix it', async () => {
    await expect(loadCorpus('/nonexistent/verbatim')).rejects.toThrow(/CORPUS_DIR/);
  });
});
