import type { CorpusStore } from '../corpus-store/corpus-store.ts';
import type { Logger } from '../logger.ts';
import type { LibraryService } from '../library-service.ts';
import type { Cooldown } from './cooldown.ts';
import type { DownloadLimits } from './download-attachment.ts';
import type { PageStore } from './pages.ts';

/** What every command handler may use; one per running bot. */
export interface BotContext {
  readonly library: LibraryService;
  readonly pages: PageStore;
  readonly cooldown: Cooldown;
  readonly logger: Logger;
  readonly moderatorRoleIds: readonly string[];
  /** Adds, removes and restores the corpus's files for /corpus. */
  readonly corpus: CorpusStore;
  /** Where /corpus add may download attachments from, and how long it may take. */
  readonly attachmentDownloads: Omit<DownloadLimits, 'maxBytes'>;
  /** From this many passages on, answers are deferred first so Discord hears back within 3 s. */
  readonly deferFromPassages: number;
  /** How often /reload edits its deferred reply with the build's progress. */
  readonly progressEveryMs: number;
}
