import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { CountChange } from '../core/library/library.ts';
import type { ReloadResult } from '../library-service.ts';
import { escapeMarkdownText } from './excerpt.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { EMBED_COLOR } from './render-answer.ts';
import { fitLines } from './render-list.ts';
import { describeProblem } from './render-sources.ts';

const FAILED_COLOR = 0xb3261e;

function describeCount(label: string, { before, after }: CountChange): string {
  const change = after - before;
  return `${label}: ${after}${change === 0 ? '' : ` (${change > 0 ? '+' : ''}${change})`}`;
}

function fileField(name: string, files: readonly string[]): APIEmbedField[] {
  return files.length === 0 ? [] : [{ name: `${name} (${files.length})`, value: fitLines(files.map(escapeMarkdownText), DISCORD_LIMITS.fieldValue) }];
}

/** What /reload tells the moderator: what changed, or why the old Library still serves. */
export function renderReload({ outcome, joined }: ReloadResult): APIEmbed {
  const seconds = `${(outcome.durationMs / 1000).toFixed(1)} s`;
  const footer = { text: joined ? `Joined a reload already in progress · ${seconds}` : `Took ${seconds}` };
  if (!outcome.ok) {
    return {
      color: FAILED_COLOR,
      title: 'Reload failed: the previous library is still serving',
      description: fitLines(
        [
          `Why: ${escapeMarkdownText(outcome.reason)}`,
          `Still answering from the ${outcome.serving} documents loaded before.`,
          'Fix the corpus folder, then run /reload again.',
        ],
        DISCORD_LIMITS.embedDescription,
      ),
      footer,
    };
  }
  const { diff } = outcome;
  const documents = `${describeCount('Documents', diff.documents)} — ${diff.added.length} added, ${diff.changed.length} changed, ${diff.removed.length} removed, ${diff.unchanged} unchanged`;
  const counts = [describeCount('Passages', diff.passages), describeCount('People', diff.people), describeCount('Quotations', diff.quotations)].join(' · ');
  const fields = [
    ...fileField('Added', diff.added),
    ...fileField('Changed', diff.changed),
    ...fileField('Removed', diff.removed),
    ...(diff.problems.length > 0
      ? [{ name: `Skipped or loaded without metadata (${diff.problems.length})`, value: fitLines(diff.problems.map(describeProblem), DISCORD_LIMITS.fieldValue) }]
      : []),
  ];
  return { color: EMBED_COLOR, title: 'Library reloaded', description: `${documents}\n${counts}`, ...(fields.length > 0 ? { fields } : {}), footer };
}
