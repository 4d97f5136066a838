import { diffLibraries, loadLibrary, type Library, type LibraryDiff } from './core/library/library.ts';

/** How a reload ended: the new Library serves, or the old one still does and why. */
export type ReloadOutcome =
  | { ok: true; diff: LibraryDiff; durationMs: number }
  | { ok: false; reason: string; durationMs: number; serving: number };

export interface ReloadResult {
  outcome: ReloadOutcome;
  /** True when this call joined a reload that was already running. */
  joined: boolean;
}

export type LibraryLoader = (directory: string) => Promise<Library>;

/**
 * Holds the Library that answers questions. A reload builds a new Library
 * beside it and swaps it in only when the build succeeded; until then, and
 * after a failure, the serving Library keeps answering.
 */
export class LibraryService {
  #current: Library;
  #running: Promise<ReloadOutcome> | undefined;

  constructor(
    readonly directory: string,
    initial: Library,
    private readonly load: LibraryLoader = loadLibrary,
  ) {
    this.#current = initial;
  }

  static async open(directory: string, load: LibraryLoader = loadLibrary): Promise<LibraryService> {
    return new LibraryService(directory, await load(directory), load);
  }

  /** The Library to answer from now; a query keeps the one it started with. */
  get current(): Library {
    return this.#current;
  }

  /** Rebuilds from the corpus folder. Concurrent calls share one rebuild. */
  async reload(): Promise<ReloadResult> {
    if (this.#running) return { outcome: await this.#running, joined: true };
    this.#running = this.rebuild().finally(() => {
      this.#running = undefined;
    });
    return { outcome: await this.#running, joined: false };
  }

  private async rebuild(): Promise<ReloadOutcome> {
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    const serving = this.#current.documents.length;
    let next: Library;
    try {
      next = await this.load(this.directory);
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error), durationMs: elapsed(), serving };
    }
    if (next.documents.length === 0) {
      const skipped = next.problems.filter((problem) => problem.skipped).length;
      // An empty corpus is far more often a mistake (wrong folder, failed copy) than a wish.
      return { ok: false, reason: `no usable documents in ${this.directory} (${skipped} files skipped)`, durationMs: elapsed(), serving };
    }
    const diff = diffLibraries(this.#current, next);
    this.#current = next;
    return { ok: true, diff, durationMs: elapsed() };
  }
}
