import { buildLibrary, diffLibraries, loadLibrary, type Library, type LibraryDiff } from './core/library/library.ts';
import type { BuildProgress, ProgressListener } from './library-build.ts';

/** How a reload ended: the new Library serves, or the old one still does and why. */
export type ReloadOutcome =
  | { ok: true; diff: LibraryDiff; durationMs: number }
  | { ok: false; reason: string; durationMs: number; serving: number };

export interface ReloadResult {
  outcome: ReloadOutcome;
  /** True when this call joined a reload that was already running or already queued. */
  joined: boolean;
}

/** Builds a Library from the corpus folder, telling how far it is when it can. */
export type LibraryBuilder = (directory: string, onProgress: ProgressListener) => Promise<Library>;

/** One build and whether it has read the corpus folder yet (its first progress report says so). */
interface Build {
  readonly filesRead: boolean;
  outcome: Promise<ReloadOutcome>;
}

const inThisThread: LibraryBuilder = (directory) => loadLibrary(directory);

/** What the first build is compared with: a start adds every document. */
const NOTHING_LOADED = buildLibrary([]);

/** Told to someone who asks before the first Library is ready. */
export class StillLoadingError extends Error {
  override name = 'StillLoadingError';
}

/**
 * Holds the Library that answers questions. A build makes a new Library
 * beside it and swaps it in, in one assignment, only when the build
 * succeeded; until then, and after a failure, the serving Library keeps
 * answering. Before the first build ends there is none, and `loading` says how
 * far it is.
 */
export class LibraryService {
  #current: Library | undefined;
  #progress: BuildProgress | undefined;
  #running: Build | undefined;
  #queued: Promise<ReloadOutcome> | undefined;

  constructor(
    readonly directory: string,
    private readonly build: LibraryBuilder = inThisThread,
    initial?: Library,
  ) {
    this.#current = initial;
  }

  /** The Library to answer from now; a query keeps the one it started with. */
  get current(): Library {
    if (!this.#current) throw new StillLoadingError('the corpus is still loading');
    return this.#current;
  }

  get ready(): boolean {
    return this.#current !== undefined;
  }

  /** True while a build runs (or waits to). */
  get building(): boolean {
    return this.#running !== undefined || this.#queued !== undefined;
  }

  /** How far the running build is, when one is running and has said. */
  get progress(): BuildProgress | undefined {
    return this.#progress;
  }

  /**
   * Rebuilds from the corpus folder. A call while a build is still reading
   * the folder joins it; a call after that queues one more build, which every
   * later call joins until it starts: no change on disk is missed, and no
   * build runs twice for one change.
   */
  async reload(): Promise<ReloadResult> {
    if (this.#queued) return { outcome: await this.#queued, joined: true };
    const running = this.#running;
    if (!running) return { outcome: await this.#begin().outcome, joined: false };
    if (!running.filesRead) return { outcome: await running.outcome, joined: true };
    const queued = running.outcome.then(() => {
      this.#queued = undefined;
      return this.#begin().outcome;
    });
    this.#queued = queued;
    return { outcome: await queued, joined: false };
  }

  #begin(): Build {
    let filesRead = false;
    const build: Build = {
      get filesRead() {
        return filesRead;
      },
      outcome: this.#rebuild(() => {
        filesRead = true;
      }).finally(() => {
        if (this.#running === build) this.#running = undefined;
      }),
    };
    this.#running = build;
    return build;
  }

  async #rebuild(markFilesRead: () => void): Promise<ReloadOutcome> {
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    const serving = this.#current?.documents.length ?? 0;
    let next: Library;
    try {
      next = await this.build(this.directory, (progress) => {
        markFilesRead();
        this.#progress = progress;
      });
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error), durationMs: elapsed(), serving };
    } finally {
      this.#progress = undefined;
    }
    if (next.documents.length === 0) {
      const skipped = next.problems.filter((problem) => problem.skipped).length;
      // An empty corpus is far more often a mistake (wrong folder, failed copy) than a wish.
      return { ok: false, reason: `no usable documents in ${this.directory} (${skipped} files skipped)`, durationMs: elapsed(), serving };
    }
    const diff = diffLibraries(this.#current ?? NOTHING_LOADED, next);
    this.#current = next;
    return { ok: true, diff, durationMs: elapsed() };
  }
}
