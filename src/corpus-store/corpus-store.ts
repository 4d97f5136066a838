import { createHash } from 'node:crypto';
import path from 'node:path';
import { isDocumentFile, sidecarOf } from '../core/corpus/corpus.ts';
import type { Logger } from '../logger.ts';
import { admitUpload, type UploadKind } from './admission.ts';
import { safeStem } from './file-names.ts';
import { exists, nodeFileSystem, placeWithoutOverwriting, writeNewFile, type CorpusFileSystem } from './file-system.ts';
import { readManifest, writeManifest, type Actor, type AddedRecord, type Manifest, type RemovedRecord } from './manifest.ts';

export { MAX_UPLOAD_BYTES } from './admission.ts';
export { nodeFileSystem, type CorpusFileSystem } from './file-system.ts';
export type { Actor, AddedRecord } from './manifest.ts';

/** Where added files go, inside the corpus folder. */
const ADDED_FOLDER = 'added';
/** Where removed files wait to be restored; hidden, so the loader passes it by. */
const REMOVED_FOLDER = '.removed';

/** A change the store will not make, with a reason to show the person who asked. */
export class CorpusRefusal extends Error {
  override name = 'CorpusRefusal';
}

export interface Upload {
  /** The file name it was uploaded under, untrusted. */
  name: string;
  bytes: Uint8Array;
}

export interface AddedFile {
  /** Path in the corpus, with forward slashes. */
  file: string;
  kind: UploadKind;
  sha256: string;
  bytes: number;
}

export interface RemovedFile {
  file: string;
  /** The name to restore it by: its path under .removed/. */
  removedAs: string;
  sha256: string;
  sidecar: boolean;
}

export interface RestoredFile {
  file: string;
  from: string;
  sha256: string;
  sidecar: boolean;
}

export interface RemovedEntry {
  /** Its path under .removed/: a timestamp, then where it was. */
  name: string;
  record?: RemovedRecord;
}

export interface CorpusStoreOptions {
  fs?: CorpusFileSystem;
  logger?: Logger;
  now?: () => Date;
}

/** A rename: from, to. */
type Move = readonly [string, string];
const reversed = (moves: readonly Move[]): Move[] => moves.map(([from, to]): Move => [to, from]).reverse();

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const toPosix = (relative: string): string => relative.split(path.sep).join('/');

/**
 * A corpus path given by a person or an autocomplete: relative, inside the
 * folder, through no hidden folder, a document by its extension.
 */
function checkedDocumentPath(given: string, what: string): string {
  const normalised = path.posix.normalize(given.trim().replaceAll('\\', '/'));
  const segments = normalised.split('/');
  if (path.posix.isAbsolute(normalised) || segments.some((segment) => segment === '' || segment.startsWith('.'))) {
    throw new CorpusRefusal(`“${given}” is not ${what}: give its path inside the corpus folder, as /sources lists it`);
  }
  if (!isDocumentFile(normalised)) throw new CorpusRefusal(`“${given}” is not a .txt or .md document`);
  return normalised;
}

/**
 * Adds, removes and restores the corpus's files, for the Discord command and
 * the console alike. Nothing is ever overwritten or deleted: a removed file
 * waits in .removed/ with a timestamp. Each change is written atomically and
 * recorded in the manifest, and a change that fails midway is undone, so the
 * folder is left as it was. Changes run one at a time.
 */
export class CorpusStore {
  readonly #fs: CorpusFileSystem;
  readonly #logger: Logger | undefined;
  readonly #now: () => Date;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly directory: string,
    options: CorpusStoreOptions = {},
  ) {
    this.#fs = options.fs ?? nodeFileSystem;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  /** Checks the upload and writes it under added/, under a safe name no file has yet. */
  async add(upload: Upload, actor: Actor): Promise<AddedFile> {
    const admitted = await admitUpload(upload.name, upload.bytes);
    if ('refusal' in admitted) throw new CorpusRefusal(`${upload.name} was not added: ${admitted.refusal}.`);
    return this.serially(`adding ${upload.name}`, async () => {
      const folder = path.join(this.directory, ADDED_FOLDER);
      const name = await writeNewFile(this.#fs, folder, safeStem(upload.name), admitted.extension, admitted.bytes);
      const file = `${ADDED_FOLDER}/${name}`;
      const hash = sha256(admitted.bytes);
      const record: AddedRecord = { by: actor, at: this.#now().toISOString(), sha256: hash, uploadedAs: upload.name };
      await this.undoOnFailure(
        (manifest) => ({ ...manifest, files: { ...manifest.files, [file]: record } }),
        () => this.#fs.rm(path.join(folder, name)),
      );
      this.#logger?.info({ action: 'add', by: actor, file, sha256: hash, uploadedAs: upload.name, kind: admitted.kind }, 'corpus file added');
      return { file, kind: admitted.kind, sha256: hash, bytes: admitted.bytes.length };
    });
  }

  /** Moves a document, and its metadata sidecar, to .removed/<timestamp>/. */
  async remove(given: string, actor: Actor): Promise<RemovedFile> {
    const file = checkedDocumentPath(given, 'a document of the corpus');
    return this.serially(`removing ${file}`, async () => {
      const source = path.join(this.directory, file);
      const bytes = await this.#fs.readFile(source).catch(() => {
        throw new CorpusRefusal(`There is no ${file} in the corpus: pick one of the files the option offers.`);
      });
      const removedAs = `${this.#now().toISOString().replaceAll(':', '-')}/${file}`;
      const inCorpus = (relative: string): string => path.join(this.directory, relative);
      const inRemoved = (relative: string): string => path.join(this.directory, REMOVED_FOLDER, relative);
      const moves: Move[] = [[inCorpus(file), inRemoved(removedAs)]];
      if (await exists(this.#fs, inCorpus(sidecarOf(file)))) moves.push([inCorpus(sidecarOf(file)), inRemoved(sidecarOf(removedAs))]);
      await this.moveAll(moves);
      const hash = sha256(bytes);
      await this.undoOnFailure(
        (manifest) => {
          const { [file]: added, ...files } = manifest.files;
          const record: RemovedRecord = { file, by: actor, at: this.#now().toISOString(), sha256: hash, ...(added ? { added } : {}) };
          return { ...manifest, files, removed: { ...manifest.removed, [removedAs]: record } };
        },
        () => this.moveAll(reversed(moves)),
      );
      this.#logger?.info({ action: 'remove', by: actor, file, sha256: hash, removedAs, sidecar: moves.length > 1 }, 'corpus file removed');
      return { file, removedAs, sha256: hash, sidecar: moves.length > 1 };
    });
  }

  /** Brings a removed file back where it was, under a suffixed name if that one is taken now. */
  async restore(removedAs: string, actor: Actor): Promise<RestoredFile> {
    const name = checkedDocumentPath(removedAs, 'a removed file');
    return this.serially(`restoring ${name}`, async () => {
      const manifest = await readManifest(this.#fs, this.directory);
      const source = path.join(this.directory, REMOVED_FOLDER, name);
      const bytes = await this.#fs.readFile(source).catch(() => {
        throw new CorpusRefusal(`Nothing was removed as ${name}: pick one of the files the option offers.`);
      });
      const record = manifest.removed[name];
      // Without a record (moved there by hand), the path under the timestamp folder is where it was.
      const recorded = record?.file ?? name.split('/').slice(1).join('/');
      if (recorded === '') throw new CorpusRefusal(`${name} does not say where it came from: move it back by hand.`);
      // The manifest is a file anyone on the host can edit: its path is held to the same rules as a typed one.
      const original = checkedDocumentPath(recorded, 'a place in the corpus');
      const extension = path.posix.extname(original);
      const placed = await placeWithoutOverwriting(
        this.#fs,
        source,
        path.join(this.directory, path.posix.dirname(original)),
        path.posix.basename(original, extension),
        extension,
      );
      const file = path.posix.join(path.posix.dirname(original), placed);
      const moves: Move[] = [[source, path.join(this.directory, file)]];
      const sidecarSource = path.join(this.directory, REMOVED_FOLDER, sidecarOf(name));
      const sidecar = await exists(this.#fs, sidecarSource);
      if (sidecar) {
        await this.moveAll([[sidecarSource, path.join(this.directory, sidecarOf(file))]]).catch(async (error: unknown) => {
          await this.moveAll(reversed(moves));
          throw error;
        });
        moves.push([sidecarSource, path.join(this.directory, sidecarOf(file))]);
      }
      const hash = sha256(bytes);
      await this.undoOnFailure(
        (current) => {
          const { [name]: removed, ...rest } = current.removed;
          return { ...current, removed: rest, files: removed?.added ? { ...current.files, [file]: removed.added } : current.files };
        },
        () => this.moveAll(reversed(moves)),
      );
      // An empty folder left behind costs nothing: the restore has succeeded either way.
      await this.pruneEmptyFolders(path.dirname(source)).catch((error: unknown) => this.#logger?.warn({ err: error, from: name }, 'could not remove an emptied folder of .removed/'));
      this.#logger?.info({ action: 'restore', by: actor, file, sha256: hash, from: name, sidecar }, 'corpus file restored');
      return { file, from: name, sha256: hash, sidecar };
    });
  }

  /** The files waiting in .removed/, most recently removed first. */
  async removed(): Promise<RemovedEntry[]> {
    const manifest = await readManifest(this.#fs, this.directory);
    const root = path.join(this.directory, REMOVED_FOLDER);
    const names = (await this.listDocuments(root)).map((absolute) => toPosix(path.relative(root, absolute)));
    return names.sort((a, b) => b.localeCompare(a, 'en')).map((name) => ({ name, ...(manifest.removed[name] ? { record: manifest.removed[name] } : {}) }));
  }

  /** Who added each file that came in through the store, and when, by path in the corpus. */
  async provenance(): Promise<Manifest['files']> {
    return (await readManifest(this.#fs, this.directory)).files;
  }

  /**
   * Runs changes one at a time, so that two at once never pick the same name
   * or lose each other's manifest entry. A file system error (disk full, no
   * permission) comes out as a refusal that says the folder is unchanged: each
   * change has undone its own steps by then.
   */
  private serially<T>(what: string, change: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(change).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (error instanceof CorpusRefusal || code === undefined) throw error;
      this.#logger?.error({ err: error, action: what }, 'corpus change failed and was undone');
      throw new CorpusRefusal(`The corpus folder could not be written (${code}), so nothing was changed: ${what} failed. Tell the bot's host; the logs have the details.`);
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Records a change in the manifest; if that fails, undoes the change on disk and fails. */
  private async undoOnFailure(update: (manifest: Manifest) => Manifest, undo: () => Promise<unknown>): Promise<void> {
    try {
      const manifest = update(await readManifest(this.#fs, this.directory));
      await writeManifest(this.#fs, this.directory, manifest);
    } catch (error) {
      await undo();
      throw error;
    }
  }

  /** Renames each pair in turn; if one fails, the ones done are put back. */
  private async moveAll(moves: readonly Move[]): Promise<void> {
    const done: Move[] = [];
    try {
      for (const [from, to] of moves) {
        await this.#fs.mkdir(path.dirname(to), { recursive: true });
        await this.#fs.rename(from, to);
        done.push([from, to]);
      }
    } catch (error) {
      for (const [from, to] of reversed(done)) await this.#fs.rename(from, to);
      throw error;
    }
  }

  private async listDocuments(folder: string): Promise<string[]> {
    const entries = await this.#fs.readdir(folder, { withFileTypes: true }).catch(() => []);
    const files: string[] = [];
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name);
      if (entry.isDirectory()) files.push(...(await this.listDocuments(absolute)));
      else if (isDocumentFile(entry.name)) files.push(absolute);
    }
    return files;
  }

  /** Removes the timestamp folder (and its subfolders) a restore emptied. */
  private async pruneEmptyFolders(folder: string): Promise<void> {
    const root = path.join(this.directory, REMOVED_FOLDER);
    for (let current = folder; current.startsWith(`${root}${path.sep}`); current = path.dirname(current)) {
      if ((await this.#fs.readdir(current)).length > 0) return;
      await this.#fs.rmdir(current);
    }
  }
}
