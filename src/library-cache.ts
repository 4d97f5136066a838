import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { CorpusAnalysis, DocumentAnalysis, PlacedAnalyses } from './core/library/library.ts';
import type { SourceDocument } from './core/types.ts';

const CORE_FOLDER = fileURLToPath(new URL('./core/', import.meta.url));
/** The room that answers questions over a built Library: editing it changes no analysis, so it stales no entry. */
const ANSWER_ROOM = 'answer';
const LOCK_FILE = fileURLToPath(new URL('../package-lock.json', import.meta.url));
const DOCUMENTS = 'documents';
const CORPUS_PREFIX = 'corpus-';
const ENTRY_SUFFIX = '.bin';

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The analysis code's version: a hash of the core's sources but the answer room's, the locked
 * dependencies and V8's version (which owns the snapshot format). Any edit to
 * the analysis makes every cached entry stale, without anyone having to
 * remember to bump a number.
 */
export async function analysisVersion(): Promise<string> {
  const hash = createHash('sha256').update(process.versions.v8);
  for (const file of await sourceFiles(CORE_FOLDER)) {
    const relative = path.relative(CORE_FOLDER, file);
    if (relative.split(path.sep)[0] !== ANSWER_ROOM) hash.update(relative).update(await readFile(file));
  }
  hash.update(await readFile(LOCK_FILE).catch(() => ''));
  return hash.digest('hex');
}

/** A document's cache key: everything its analysis reads (name, text, metadata), under one code version. */
export function documentKey(version: string, document: SourceDocument): string {
  return createHash('sha256')
    .update(version)
    .update(JSON.stringify([document.file, document.format, document.bodyStart, document.meta]))
    .update(document.text)
    .digest('hex');
}

/** The key of a whole corpus: its documents' keys, in order. */
export function corpusKey(documentKeys: readonly string[]): string {
  const hash = createHash('sha256');
  for (const key of documentKeys) hash.update(key);
  return hash.digest('hex');
}

/**
 * A whole corpus's analysis: the documents' analyses placed (passages and the
 * joined passage index) and the corpus-wide part. A start with no file
 * changed reads this one entry, not one per document.
 */
export interface CorpusSnapshot {
  placed: PlacedAnalyses;
  corpus: CorpusAnalysis;
}

/** Why a cache entry could not be used, for a log line; a missing entry is simply a miss. */
export interface CacheNote {
  entry: string;
  reason: string;
}

/**
 * Snapshots in a cache folder, written with v8.serialize (no JSON string
 * limit, Maps and undefined kept): one file per document analysis, named by
 * its key, and one for the corpus-wide analysis. An entry repeats its key, so
 * that a file renamed or cut short is detected; a bad entry is a miss, never
 * an error.
 */
export class LibraryCache {
  readonly notes: CacheNote[] = [];

  constructor(readonly directory: string) {}

  readDocument(key: string): Promise<DocumentAnalysis | undefined> {
    return this.#read<DocumentAnalysis>(path.join(DOCUMENTS, `${key}${ENTRY_SUFFIX}`), key);
  }

  writeDocument(key: string, analysis: DocumentAnalysis): Promise<void> {
    return this.#write(path.join(DOCUMENTS, `${key}${ENTRY_SUFFIX}`), key, analysis);
  }

  readCorpus(key: string): Promise<CorpusSnapshot | undefined> {
    return this.#read<CorpusSnapshot>(`${CORPUS_PREFIX}${key}${ENTRY_SUFFIX}`, key);
  }

  writeCorpus(key: string, analysis: CorpusSnapshot): Promise<void> {
    return this.#write(`${CORPUS_PREFIX}${key}${ENTRY_SUFFIX}`, key, analysis);
  }

  /** Removes the entries of documents and corpora no longer served, so that the folder does not grow with every edit. */
  async prune(documentKeys: readonly string[], keptCorpusKey: string): Promise<void> {
    const keep = new Set(documentKeys.map((key) => `${key}${ENTRY_SUFFIX}`));
    const documents = await readdir(path.join(this.directory, DOCUMENTS)).catch(() => []);
    await Promise.all(documents.filter((name) => name.endsWith(ENTRY_SUFFIX) && !keep.has(name)).map((name) => rm(path.join(this.directory, DOCUMENTS, name), { force: true })));
    const top = await readdir(this.directory).catch(() => []);
    const stale = top.filter((name) => name.startsWith(CORPUS_PREFIX) && name.endsWith(ENTRY_SUFFIX) && name !== `${CORPUS_PREFIX}${keptCorpusKey}${ENTRY_SUFFIX}`);
    await Promise.all(stale.map((name) => rm(path.join(this.directory, name), { force: true })));
  }

  async #read<T>(entry: string, key: string): Promise<T | undefined> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(this.directory, entry));
    } catch {
      return undefined;
    }
    try {
      const stored = deserialize(bytes) as { key?: unknown; value?: unknown };
      if (stored.key === key && typeof stored.value === 'object' && stored.value !== null) return stored.value as T;
      this.notes.push({ entry, reason: 'written for another key' });
    } catch (error) {
      this.notes.push({ entry, reason: `unreadable: ${error instanceof Error ? error.message : String(error)}` });
    }
    return undefined;
  }

  /** Written beside, then renamed: a reader never sees half an entry, and a failed write only costs a rebuild later. */
  async #write(entry: string, key: string, value: unknown): Promise<void> {
    const target = path.join(this.directory, entry);
    const partial = `${target}.${process.pid}.${Date.now()}.partial`;
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(partial, serialize({ key, value }));
      await rename(partial, target);
    } catch (error) {
      this.notes.push({ entry, reason: `not written: ${error instanceof Error ? error.message : String(error)}` });
      // Where the folder itself cannot be made there is no partial file to remove either.
      await rm(partial, { force: true }).catch(() => undefined);
    }
  }
}
