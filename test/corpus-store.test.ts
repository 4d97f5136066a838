import * as nodeFs from 'node:fs/promises';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/core/corpus/corpus.ts';
import { admitUpload } from '../src/corpus-store/admission.ts';
import { CorpusRefusal, CorpusStore, type Actor, type CorpusFileSystem } from '../src/corpus-store/corpus-store.ts';
import { safeStem } from '../src/corpus-store/file-names.ts';
import { webPageToArticle } from '../src/corpus-store/web-article.ts';
import { watchCorpus } from '../src/corpus-watch.ts';
import { LibraryService } from '../src/library-service.ts';
import { makeTempCorpus, type TempCorpus } from './support/corpus-dir.ts';

const ADMIN: Actor = { via: 'console', name: 'admin' };
const ARTICLE = 'The surveyor Marit Oyelaran-Voss mapped the flooded valley on Thursday, the council said.\n';
const BODY = `<p>${'The council said the surveyor mapped the flooded valley on Thursday after the river rose overnight. '.repeat(6)}</p>`;

const corpora: TempCorpus[] = [];
afterEach(async () => {
  for (const corpus of corpora.splice(0)) await corpus.remove();
});

async function tempCorpus(files: Record<string, string> = {}): Promise<TempCorpus> {
  const corpus = await makeTempCorpus(files);
  corpora.push(corpus);
  return corpus;
}

/** Every file under a folder, hidden ones included, with its text. */
async function contents(directory: string): Promise<Record<string, string>> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)));
  return Object.fromEntries(await Promise.all(files.sort().map(async (file) => [file, await readFile(path.join(directory, file), 'utf8')] as const)));
}

/** node:fs/promises, except that renames onto the manifest fail, as a full disk would make them. */
const manifestWritesFail: CorpusFileSystem = {
  ...nodeFs,
  rename: (async (from: string, to: string) => {
    if (String(to).endsWith('.verbatim-manifest.json')) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    return nodeFs.rename(from, to);
  }) as typeof nodeFs.rename,
};

describe('safe stored names', () => {
  it.each([
    ['../../etc/passwd.txt', 'etc-passwd'],
    ['..\\..\\windows\\win.ini.txt', 'windows-win.ini'],
    ['con.txt', 'con_'],
    ['LPT1.tar.md', 'LPT1_.tar'],
    ['.bashrc.txt', 'bashrc'],
    ['...txt', 'document'],
    ['report\u202Egnp.txt', 'reportgnp'],
    ['zero\u200Bwidth\u0000nul.txt', 'zerowidthnul'],
    ['Cafe\u0301 notes.md', 'Café notes'],
    ['a:b*c?d"e<f>g|h.txt', 'a-b-c-d-e-f-g-h'],
    [`${'x'.repeat(300)}.txt`, 'x'.repeat(60)],
    [`${'😀'.repeat(40)}.txt`, '😀'.repeat(30)],
  ])('%j is stored as %j', (uploaded, stem) => {
    expect(safeStem(uploaded)).toBe(stem);
  });
});

describe('what may be added', () => {
  it('takes text and Markdown the loader reads, and refuses what it would skip or strip', async () => {
    expect(await admitUpload('a.txt', new TextEncoder().encode(ARTICLE))).toMatchObject({ kind: 'text', extension: '.txt' });
    expect(await admitUpload('a.md', new TextEncoder().encode(`---\ntitle: A\n---\n\n${ARTICLE}`))).toMatchObject({ kind: 'markdown', extension: '.md' });
    expect(await admitUpload('a.md', new TextEncoder().encode(`---\nsummary: A\n---\n\n${ARTICLE}`))).toEqual({ refusal: expect.stringMatching(/^its front matter would be ignored: metadata ignored/u) });
    expect(await admitUpload('a.txt', new Uint8Array([0x61, 0, 0x62]))).toEqual({ refusal: 'it cannot be read as text: binary (contains NUL bytes)' });
    expect(await admitUpload('a.txt', new TextEncoder().encode('  \n'))).toEqual({ refusal: 'it cannot be read as text: empty' });
    expect(await admitUpload('a.md', new TextEncoder().encode('%PDF-1.4\n'))).toEqual({ refusal: 'its content is application/pdf (.pdf), not markdown as its name says' });
  });

  it('reads an XHTML page that opens with an XML declaration', async () => {
    const page = `<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Valley</title></head><body><article>${BODY}</article></body></html>`;
    expect(await admitUpload('page.xhtml.htm', new TextEncoder().encode(page))).toMatchObject({ kind: 'web page', extension: '.md' });
  });
});

describe('a web page as an article', () => {
  it('states only what the page states, and takes text from every block as its own paragraph', () => {
    const page = `<!DOCTYPE html><html><head><title>Valley</title><link rel="canonical" href="/relative/path"></head><body><article>${BODY}<div>Loose text <em>with emphasis</em>&nbsp;and a no-break space<br>after a line break</div><ul><li>First item</li><li>Second item</li></ul></article></body></html>`;
    const article = webPageToArticle(page);
    if ('refusal' in article) throw new Error(article.refusal);
    // No byline, site name or date on the page, and a relative canonical link is no URL: none is written.
    expect(article.meta).toEqual({ title: 'Valley' });
    expect(article.markdown.split('\n\n').slice(2)).toEqual(['Loose text with emphasis\u00a0and a no-break space', 'after a line break', 'First item', 'Second item\n']);
  });

  it('refuses a page with no article', () => {
    expect(webPageToArticle('<!DOCTYPE html><html><body><nav><a href="/">Home</a></nav></body></html>')).toEqual({ refusal: expect.stringMatching(/^no article found in the page/u) });
  });
});

describe('the corpus store', () => {
  it('adds under added/, never overwriting, and records who added what', async () => {
    const corpus = await tempCorpus({ 'added/report.txt': ARTICLE });
    const store = new CorpusStore(corpus.dir, { now: () => new Date('2026-01-02T03:04:05.000Z') });
    const added = await store.add({ name: 'Report.TXT', bytes: new TextEncoder().encode(ARTICLE) }, ADMIN);
    expect(added.file).toBe('added/Report-2.txt');
    expect(await store.provenance()).toEqual({ 'added/Report-2.txt': { by: ADMIN, at: '2026-01-02T03:04:05.000Z', sha256: added.sha256, uploadedAs: 'Report.TXT' } });
    expect((await loadCorpus(corpus.dir)).documents.map((document) => document.file).sort()).toEqual(['added/Report-2.txt', 'added/report.txt']);
  });

  it('undoes an add whose manifest cannot be written', async () => {
    const corpus = await tempCorpus({ 'kept.txt': ARTICLE });
    const before = await contents(corpus.dir);
    const store = new CorpusStore(corpus.dir, { fs: manifestWritesFail });
    await expect(store.add({ name: 'new.txt', bytes: new TextEncoder().encode(ARTICLE) }, ADMIN)).rejects.toThrow(/could not be written \(ENOSPC\), so nothing was changed: adding new\.txt failed/u);
    expect(await contents(corpus.dir)).toEqual(before);
    expect(await readdir(path.join(corpus.dir, 'added'))).toEqual([]);
  });

  it('undoes a remove whose manifest cannot be written, sidecar included', async () => {
    const corpus = await tempCorpus({ 'kept.txt': ARTICLE, 'kept.meta.yaml': 'title: Kept\n' });
    const store = new CorpusStore(corpus.dir, { fs: manifestWritesFail });
    await expect(store.remove('kept.txt', ADMIN)).rejects.toBeInstanceOf(CorpusRefusal);
    expect(await contents(corpus.dir)).toEqual({ 'kept.meta.yaml': 'title: Kept\n', 'kept.txt': ARTICLE });
  });

  it('restores under a suffixed name when the old one is taken again, with its sidecar beside it', async () => {
    const corpus = await tempCorpus({ 'notes/kept.txt': ARTICLE, 'notes/kept.meta.yaml': 'title: Kept\n' });
    const store = new CorpusStore(corpus.dir);
    const removed = await store.remove('notes/kept.txt', ADMIN);
    await corpus.write('notes/kept.txt', 'A newer file under the same name.\n');
    const restored = await store.restore(removed.removedAs, ADMIN);
    expect(restored).toMatchObject({ file: 'notes/kept-2.txt', sidecar: true, sha256: removed.sha256 });
    expect(await contents(corpus.dir)).toMatchObject({ 'notes/kept-2.txt': ARTICLE, 'notes/kept-2.meta.yaml': 'title: Kept\n', 'notes/kept.txt': 'A newer file under the same name.\n' });
    expect(await store.removed()).toEqual([]);
  });
});

describe('CORPUS_WATCH', () => {
  it('reloads once the folder has been quiet, and ignores hidden files', async () => {
    const corpus = await tempCorpus({ 'first.txt': ARTICLE });
    const library = new LibraryService(corpus.dir);
    await library.reload();
    const watcher = watchCorpus(library, pino({ level: 'silent' }), 100);
    try {
      const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
      await pause(300);
      await corpus.write('second.txt', 'The ferry captain Lorcan Abiodun-Weiss sailed at dawn on Monday.\n');
      const deadline = Date.now() + 10_000;
      while (!library.current.documentsByFile.has('second.txt') && Date.now() < deadline) await pause(50);
      expect([...library.current.documentsByFile.keys()]).toEqual(['first.txt', 'second.txt']);
      const reloaded = library.current;
      await corpus.write('.removed/old.txt', 'A removed file: no reload for this.\n');
      await corpus.write('.verbatim-manifest.json', '{}');
      await pause(600);
      expect(library.current).toBe(reloaded);
    } finally {
      await watcher.close();
    }
  });
});
