import type { LibraryService, ReloadResult } from '../library-service.ts';

/**
 * Reloads so that the Library includes a change just written. A reload that
 * was already running may have read the folder before the change, so one
 * that was joined is followed by a fresh one.
 */
export async function reloadAfterChange(library: Pick<LibraryService, 'reload'>): Promise<ReloadResult> {
  const result = await library.reload();
  return result.joined ? library.reload() : result;
}
