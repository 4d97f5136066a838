import { describe, expect, it, vi } from 'vitest';
import { buildLibrary, loadLibrary, type Library } from '../src/core/library/library.ts';
import { stillLoadingMessage } from '../src/discord/still-loading.ts';
import type { BuildProgress } from '../src/library-build.ts';
import { LibraryService, StillLoadingError, type LibraryBuilder } from '../src/library-service.ts';
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

  it('queues one more build for reloads asked after a build has read the folder, shared by all of them', async () => {
    const builds: { resolve: (library: Library) => void; onProgress: (progress: BuildProgress) => void }[] = [];
    const build: LibraryBuilder = (_directory, onProgress) => new Promise((resolve) => builds.push({ resolve, onProgress }));
    const service = new LibraryService('corpus', build, libraryOf('A.\n'));
    const first = service.reload();
    builds[0]?.onProgress({ step: 'analysing', done: 0, total: 1 });
    const [second, third] = [service.reload(), service.reload()];
    expect(builds).toHaveLength(1);
    builds[0]?.resolve(libraryOf('A.\n'));
    expect((await first).outcome).toMatchObject({ ok: true, diff: { unchanged: 1 } });
    await vi.waitFor(() => expect(builds).toHaveLength(2));
    builds[1]?.resolve(libraryOf('A.\n', 'B.\n'));
    const results = await Promise.all([second, third]);
    expect(results.map((result) => result.joined)).toEqual([false, true]);
    expect(results[0]?.outcome).toBe(results[1]?.outcome);
    expect(results[0]?.outcome).toMatchObject({ ok: true, diff: { added: ['1.txt'] } });
    expect(builds).toHaveLength(2);
    expect(service.building).toBe(false);
  });

  it('has no Library before its first build ends, and says how far the build is', async () => {
    const builds: { resolve: (library: Library) => void; onProgress: (progress: BuildProgress) => void }[] = [];
    const service = new LibraryService('corpus', (_directory, onProgress) => new Promise((resolve) => builds.push({ resolve, onProgress })));
    expect(service.ready).toBe(false);
    expect(() => service.current).toThrow(StillLoadingError);
    const loading = service.reload();
    expect(service.building).toBe(true);
    builds[0]?.onProgress({ step: 'analysing', done: 3, total: 7 });
    expect(service.progress).toEqual({ step: 'analysing', done: 3, total: 7 });
    builds[0]?.resolve(libraryOf('A.\n'));
    expect((await loading).outcome).toMatchObject({ ok: true, diff: { added: ['0.txt'] } });
    expect(service.ready).toBe(true);
    expect(service.progress).toBeUndefined();
  });

  it('tells askers how far the first load is, or that it failed and what a moderator should do', async () => {
    const builds: { reject: (error: Error) => void; onProgress: (progress: BuildProgress) => void }[] = [];
    const service = new LibraryService('corpus', (_directory, onProgress) => new Promise((_resolve, reject) => builds.push({ reject, onProgress })));
    const loading = service.reload();
    expect(stillLoadingMessage(service)).toBe('The corpus is still loading. Please ask again in a moment.');
    builds[0]?.onProgress({ step: 'analysing', done: 1200, total: 10000 });
    expect(stillLoadingMessage(service)).toBe('The corpus is still loading (1,200 of 10,000 documents, analysing documents). Please ask again in a moment.');
    builds[0]?.reject(new Error('corpus: /gone is not a folder'));
    expect((await loading).outcome).toMatchObject({ ok: false, serving: 0 });
    expect(stillLoadingMessage(service)).toMatch(/^No corpus is loaded: .* A moderator should check the corpus folder and run \/reload\.$/u);
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
      const service = new LibraryService(corpus.dir);
      expect((await service.reload()).outcome).toMatchObject({ ok: true, diff: { added: ['a.txt'] } });
      expect(service.current.documents.map((document) => document.file)).toEqual(['a.txt']);
      await corpus.write('b.txt', 'A second report.\n');
      expect((await service.reload()).outcome).toMatchObject({ ok: true, diff: { added: ['b.txt'] } });
      expect(service.current.documents).toHaveLength((await loadLibrary(corpus.dir)).documents.length);
    } finally {
      await corpus.remove();
    }
  });
});
