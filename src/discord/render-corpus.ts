import type { APIEmbed } from 'discord.js';
import type { AddedFile, RemovedEntry, RemovedFile, RestoredFile } from '../corpus-store/corpus-store.ts';
import { describeIndexedFile, VERBATIM_NOTICE, type IndexedSummary } from '../corpus-store/indexed-summary.ts';
import type { ReloadResult } from '../library-service.ts';
import { escapeMarkdownText } from './excerpt.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { EMBED_COLOR } from './render-answer.ts';
import { fitLines } from './render-list.ts';

const WARNING_COLOR = 0xb3261e;
const REMOVED_SHOWN = 20;

/** What the reload made of a change: nothing to say when the Library now serves it. */
function reloadProblem({ outcome }: ReloadResult): string | undefined {
  return outcome.ok ? undefined : `The reload failed (${outcome.reason}); the previous library is still serving. Fix the corpus folder, then run /reload.`;
}

/** /corpus add: where the file went and what the Library found in it. */
export function renderAdded(added: AddedFile, summary: IndexedSummary | undefined, reload: ReloadResult): APIEmbed {
  const stored = `Stored as ${escapeMarkdownText(added.file)} (${added.kind}, ${added.bytes} bytes, sha256 ${added.sha256.slice(0, 12)}…).`;
  const problem = reloadProblem(reload) ?? (summary ? undefined : 'The library did not load it: run /sources to see why.');
  const lines = summary ? describeIndexedFile(summary).map(escapeMarkdownText) : [];
  return {
    color: problem ? WARNING_COLOR : EMBED_COLOR,
    title: problem ? 'Added, but not indexed' : 'Added and indexed',
    description: fitLines([stored, ...(problem ? [escapeMarkdownText(problem)] : [VERBATIM_NOTICE]), '', ...lines], DISCORD_LIMITS.embedDescription),
  };
}

/** /corpus remove: where the file waits, and how to bring it back. */
export function renderRemoved(removed: RemovedFile, reload: ReloadResult): APIEmbed {
  const problem = reloadProblem(reload);
  const lines = [
    `${escapeMarkdownText(removed.file)}${removed.sidecar ? ' and its metadata' : ''} moved to .removed/${escapeMarkdownText(removed.removedAs)}.`,
    problem ? escapeMarkdownText(problem) : 'Answers no longer quote it.',
    `To bring it back: /corpus restore file:${escapeMarkdownText(removed.removedAs)}`,
  ];
  return { color: problem ? WARNING_COLOR : EMBED_COLOR, title: 'Removed', description: fitLines(lines, DISCORD_LIMITS.embedDescription) };
}

/** /corpus restore with a file: where it is back, and what the Library found in it. */
export function renderRestored(restored: RestoredFile, summary: IndexedSummary | undefined, reload: ReloadResult): APIEmbed {
  const problem = reloadProblem(reload) ?? (summary ? undefined : 'The library did not load it: run /sources to see why.');
  const lines = [
    `${escapeMarkdownText(restored.from)} is back as ${escapeMarkdownText(restored.file)}${restored.sidecar ? ', with its metadata' : ''}.`,
    ...(problem ? [escapeMarkdownText(problem)] : []),
    '',
    ...(summary ? describeIndexedFile(summary).map(escapeMarkdownText) : []),
  ];
  return { color: problem ? WARNING_COLOR : EMBED_COLOR, title: 'Restored', description: fitLines(lines, DISCORD_LIMITS.embedDescription) };
}

/** /corpus restore without a file: what waits in .removed/, newest first. */
export function renderRemovedList(entries: readonly RemovedEntry[]): APIEmbed {
  if (entries.length === 0) return { color: EMBED_COLOR, title: 'Nothing has been removed', description: 'There is nothing to restore.' };
  const lines = entries.slice(0, REMOVED_SHOWN).map(({ name, record }) => {
    const who = record ? ` — removed by ${escapeMarkdownText(record.by.name)} on ${record.at.slice(0, 10)}` : '';
    return `${escapeMarkdownText(name)}${who}`;
  });
  const more = entries.length > REMOVED_SHOWN ? [`… and ${entries.length - REMOVED_SHOWN} older`] : [];
  return {
    color: EMBED_COLOR,
    title: `Removed files (${entries.length})`,
    description: fitLines([...lines, ...more, '', 'Bring one back with /corpus restore file: (it autocompletes).'], DISCORD_LIMITS.embedDescription),
  };
}
