import type { Library } from '../core/library/library.ts';
import type { LoadProblem } from '../core/types.ts';
import type { AddedRecord } from '../corpus-store/corpus-store.ts';
import { escapeMarkdownText } from './excerpt.ts';
import { clip, DISCORD_LIMITS } from './limits.ts';
import { EMBED_COLOR, type ReplyPage } from './render-answer.ts';
import { chunkLines, fitLines } from './render-list.ts';

const SOURCES_PER_PAGE = 10;
const TITLE_MAX_CHARS = 200;
const size = new Intl.NumberFormat('en', { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 });

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** "file — why", for a moderator to find and fix the file. */
export function describeProblem(problem: LoadProblem): string {
  return `${escapeMarkdownText(problem.file)} — ${escapeMarkdownText(problem.reason)}`;
}

/** "added by name on 2026-12-02", from the manifest the store keeps beside the corpus. */
function describeAdded(record: AddedRecord | undefined): string[] {
  return record ? [`added by ${escapeMarkdownText(record.by.name)} on ${record.at.slice(0, 10)}`] : [];
}

/** /sources: the documents with their titles, sizes and passages, and who added them, a page at a time. */
export function renderSources(library: Library, added: Readonly<Record<string, AddedRecord>> = {}): ReplyPage[] {
  const passages = new Map<string, number>();
  for (const passage of library.passages) passages.set(passage.file, (passages.get(passage.file) ?? 0) + 1);
  const lines = library.documents.map((document) => {
    const title = document.meta.title ? `**${escapeMarkdownText(clip(document.meta.title, TITLE_MAX_CHARS))}**\n` : '';
    const details = [escapeMarkdownText(document.file), size.format(document.bytes / 1000), plural(passages.get(document.file) ?? 0, 'passage'), ...describeAdded(added[document.file])];
    return `${title}${details.join(' · ')}`;
  });
  const skipped = library.problems.filter((problem) => problem.skipped).length;
  const summary = [`${library.documents.length} documents`, `${library.passages.length} passages`, ...(skipped > 0 ? [`${skipped} files skipped`] : [])].join(' · ');
  const chunks = chunkLines(lines.length > 0 ? lines : ['The corpus folder holds no documents.'], SOURCES_PER_PAGE);
  return chunks.map((description, index) => {
    const problems = index === 0 && library.problems.length > 0
      ? [{ name: 'Not loaded, or loaded without metadata', value: fitLines(library.problems.map(describeProblem), DISCORD_LIMITS.fieldValue) }]
      : [];
    const page = chunks.length > 1 ? ` · page ${index + 1} of ${chunks.length}` : '';
    return {
      content: `**/sources** · ${summary}${page}`,
      embeds: [{ color: EMBED_COLOR, description, ...(problems.length > 0 ? { fields: problems } : {}) }],
    };
  });
}
