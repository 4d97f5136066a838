import type { LibraryService } from '../library-service.ts';
import { describeProgress } from '../progress.ts';

/** What someone asking before the first Library is ready reads, with how far loading is. */
export function stillLoadingMessage(library: LibraryService): string {
  const { progress } = library;
  if (library.building) {
    return `The corpus is still loading${progress ? ` (${describeProgress(progress)})` : ''}. Please ask again in a moment.`;
  }
  return 'No corpus is loaded: the documents could not be read. A moderator should check the corpus folder and run /reload.';
}
