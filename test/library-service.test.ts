import { describe, expect, it } from 'vitest';
import { buildLibrary, loadLibrary, type Library } from '../src/core/library/library.ts';
import { LibraryService } from '../src/library-service.ts';
import { makeTempCorpus } from './support/corpus-dir.ts';

const libraryOf = (...texts: string[]): Library =>
  buildLibrary(texts.map((text, index) => ({ file: `${index}.txt`, text, bodyStart: 0, format: 'text', meta: {}, bytes: text.length })));

/** A loader whose builds finish when the test says so, to look inside a reload. */
function controlledLoader() {
  const pending: { resolve: (library: Library) => void; reject: (error: Error) => void }[] = [];
  const load = (): Promise<Library> => new Promise((resolve, reject) => pending.push({ resolve, reject }));
  return { load, pending };
}

describe('LibraryService', () => {
  it('keeps serving the current Library during a reload and swaps only when the new one is built', async () => {
    const first = libraryOf('Old text.\n');
    const loader = controlledLoader();
    const service = new LibraryService('corpus', loader.load, first);
    const reloading = service.reload();
    expect(service.current).toBe(first);
    const second = libraryOf('Old text.\n', 'New text.\n');
    loader.pending[0]?.resolve(second);
    const { outcome, joined } = await reloading;
    expect(joined).toBe(false);
    expect(outcome).toMatchObject({ ok: true, diff: { added: ['1.txt'], unchanged: 1 } });
    expect(service.current).toBe(second);
  });

  it('shares one rebuild between concurrent reloads, and starts a fresh one afterwards', async () => {
    const loader = controlledLoader();
    const service = new LibraryService('corpus', loader.load, libraryOf('A.\n'));
    const [a, b] = [service.reload(), service.reload()];
    loader.pending[0]?.resolve(libraryOf('A.\n', 'B.\n'));
    const results = await Promise.all([a, b]);
    expect(loader.pending).toHaveLength(1);
    expect(results.map((result) => result.joined)).toEqual([false, true]);
    expect(results[0]?.outcome).toBe(results[1]?.outcome);
    const third = service.reload();
    expect(loader.pending).toHaveLength(2);
    loader.pending[1]?.resolve(libraryOf('A.\n', 'B.\n'));
    expect((await third).outcome).toMatchObject({ ok: true, diff: { unchanged: 2 } });
  });

  it('keeps the old Library when the build fails or finds no documents, and says why', async () => {
    const loader = controlledLoader();
    const first = libraryOf('Kept.\n');
    const service = new LibraryService('corpus', loader.load, first);
    const failing = service.reload();
    loader.pending[0]?.reject(new Error('corpus: /gone is not a folder'));
    expect((await failing).outcome).toMatchObject({ ok: false, reason: 'corpus: /gone is not a folder', serving: 1 });
    const empty = service.reload();
    loader.pending[1]?.resolve(libraryOf());
    expect((await empty).outcome).toMatchObject({ ok: false, reason: 'no usable documents in corpus (0 files skipped)' });
    expect(service.current).toBe(first);
  });

  it('reads the corpus folder with the core loader by default', async () => {
    const corpus = await makeTempCorpus({ 'a.txt': 'The envoy Jane Roe arrived.\n' });
    try {
      const service = await LibraryService.open(corpus.dir);
      expect(service.current.documents.map((document) => document.file)).toEqual(['a.txt']);
      await corpus.write('b.txt', 'A second report.\n');
      expect((await service.reload()).outcome).toMatchObject({ ok: true, diff: { added: ['b.txt'] } });
      expect(service.current.documents).toHaveLength((await loadLibrary(corpus.dir)).documents.length);
    } finally {
      await corpus.remove();
    }
  });
});
