import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer } from '../src/core/answer/answer.ts';
import { loadLibrary, type Library } from '../src/core/library/library.ts';
import { analyseThroughCache, libraryOf } from '../src/library-analysis.ts';
import { buildLibraryInWorker } from '../src/library-build.ts';
import { copySeedCorpus, type TempCorpus } from './support/corpus-dir.ts';

const QUESTIONS = [
  ['who', 'Witkoff'],
  ['who', 'finance minister'],
  ['when', 'ceasefire'],
  ['when', 'teams recalled'],
  ['quote', 'burden'],
] as const;

/** The answers a Library gives to a fixed set of questions, to compare two Libraries by what they say. */
function answersOf(library: Library): string[] {
  const quotes = answer(library, 'quote', '', { speaker: 'Kushner' });
  return [...QUESTIONS.map(([command, query]) => JSON.stringify(answer(library, command, query))), JSON.stringify(quotes)];
}

let corpus: TempCorpus;
let cacheDir: string;

beforeEach(async () => {
  corpus = await copySeedCorpus();
  cacheDir = await mkdtemp(path.join(tmpdir(), 'verbatim-cache-'));
});

afterEach(async () => {
  await corpus.remove();
  await rm(cacheDir, { recursive: true, force: true });
});

const build = () => analyseThroughCache({ directory: corpus.dir, cacheDir }, () => {});

describe('the library cache', () => {
  it('analyses every document once, then reuses them all and answers exactly as a fresh build', async () => {
    const cold = await build();
    expect(cold.cache).toMatchObject({ reused: 0, analysed: 5, corpusReused: false, notes: [] });
    const warm = await build();
    expect(warm.cache).toMatchObject({ reused: 5, analysed: 0, corpusReused: true, notes: [] });
    const fresh = await loadLibrary(corpus.dir);
    expect(answersOf(libraryOf(warm))).toEqual(answersOf(fresh));
    expect(libraryOf(warm).passages).toEqual(fresh.passages);
    expect(libraryOf(warm).timeExpressions).toEqual(fresh.timeExpressions);
  });

  it('spreads the documents to analyse over threads, and builds and caches what one thread does', async () => {
    const spread = await analyseThroughCache({ directory: corpus.dir, cacheDir, minDocumentsPerThread: 1 }, () => {});
    expect(spread.cache).toMatchObject({ reused: 0, analysed: 5, notes: [] });
    const fresh = await loadLibrary(corpus.dir);
    expect(answersOf(libraryOf(spread))).toEqual(answersOf(fresh));
    expect(libraryOf(spread).passages).toEqual(fresh.passages);
    expect(await readdir(path.join(cacheDir, 'documents'))).toHaveLength(5);
    await rm(path.join(cacheDir, (await readdir(cacheDir)).find((name) => name.startsWith('corpus-')) as string));
    expect((await build()).cache).toMatchObject({ reused: 5, analysed: 0, corpusReused: false });
  });

  it('re-analyses only a changed or added file, and redoes the corpus-wide part', async () => {
    await build();
    const [first] = (await readdir(corpus.dir)).filter((name) => name.endsWith('.txt')).sort();
    await writeFile(path.join(corpus.dir, first as string), 'The envoy Ysolde Brankovic said on Monday that talks would resume.\n');
    await corpus.write('late/added.txt', 'The mediator Orrin Vasquez arrived in Doha on Tuesday.\n');
    const changed = await build();
    expect(changed.cache).toMatchObject({ reused: 4, analysed: 2, corpusReused: false });
    expect(answersOf(libraryOf(changed))).toEqual(answersOf(await loadLibrary(corpus.dir)));
    expect(answer(libraryOf(changed), 'who', 'Ysolde Brankovic').results).toHaveLength(1);
  });

  it('forgets a removed file: the cache keeps only the entries of the corpus it serves', async () => {
    await build();
    const [first] = (await readdir(corpus.dir)).filter((name) => name.endsWith('.txt')).sort();
    await rm(path.join(corpus.dir, first as string));
    const after = await build();
    expect(after.cache).toMatchObject({ reused: 4, analysed: 0, corpusReused: false });
    expect(await readdir(path.join(cacheDir, 'documents'))).toHaveLength(4);
    expect((await readdir(cacheDir)).filter((name) => name.startsWith('corpus-'))).toHaveLength(1);
  });

  it('rebuilds a corrupt or truncated entry, says which, and answers as before', async () => {
    await build();
    const documents = path.join(cacheDir, 'documents');
    const [entry] = await readdir(documents);
    await writeFile(path.join(documents, entry as string), 'not a snapshot');
    const [corpusEntry] = (await readdir(cacheDir)).filter((name) => name.startsWith('corpus-'));
    await writeFile(path.join(cacheDir, corpusEntry as string), new Uint8Array([0xff, 0x0f, 0x6f]));
    const repaired = await build();
    expect(repaired.cache).toMatchObject({ reused: 4, analysed: 1, corpusReused: false });
    expect(repaired.cache.notes.map((note) => note.entry).sort()).toEqual([corpusEntry, path.join('documents', entry as string)].sort());
    expect(answersOf(libraryOf(repaired))).toEqual(answersOf(await loadLibrary(corpus.dir)));
    expect((await build()).cache.notes).toEqual([]);
  });

  it('still builds when the cache folder cannot be written, and says so', async () => {
    const blocked = path.join(cacheDir, 'a-file');
    await writeFile(blocked, '');
    const built = await analyseThroughCache({ directory: corpus.dir, cacheDir: blocked }, () => {});
    expect(built.cache.analysed).toBe(5);
    expect(built.cache.notes.length).toBeGreaterThan(0);
    expect(built.cache.notes[0]?.reason).toMatch(/^not written: /u);
    expect(answersOf(libraryOf(built))).toEqual(answersOf(await loadLibrary(corpus.dir)));
  });

  it('builds in a worker thread the Library a build in this thread makes, with its progress', async () => {
    const steps = new Set<string>();
    const report = await buildLibraryInWorker({ directory: corpus.dir, cacheDir }, (progress) => steps.add(progress.step));
    expect(answersOf(report.library)).toEqual(answersOf(await loadLibrary(corpus.dir)));
    expect(report.library.people.people).toEqual((await loadLibrary(corpus.dir)).people.people);
    expect([...steps]).toEqual(expect.arrayContaining(['analysing', 'people', 'transferring', 'indexing']));
    const warm = await buildLibraryInWorker({ directory: corpus.dir, cacheDir });
    expect(warm.cache).toMatchObject({ reused: 5, corpusReused: true });
  });

  it('fails a worker build with the loader’s reason when the corpus folder is missing', async () => {
    await expect(buildLibraryInWorker({ directory: path.join(corpus.dir, 'gone'), cacheDir })).rejects.toThrow(/is not a folder/u);
  });
});
