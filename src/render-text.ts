import type { Answer, Result, Source } from './core/answer-schema.ts';

/** The citation line: title, publisher, author and date where known, then paragraph and file. */
export function formatCitation(source: Source, paragraph: number): string {
  const known = [source.title, source.publisher, source.author, source.date].filter((part): part is string => Boolean(part));
  return [...known, `¶${paragraph}`, source.file].join(' · ');
}

function formatResult(result: Result, position: number): string {
  const lines = [`${position}. ${result.text}`];
  if (result.speaker) lines.push(`   speaker: ${result.speaker}`);
  if (result.when) lines.push(`   when: ${result.when.text}${result.when.date ? ` (${result.when.date})` : ''}`);
  lines.push(`   — ${formatCitation(result.source, result.paragraph)}`);
  return lines.join('\n');
}

/** What /quote found nothing for, and the speakers who do have quotations. */
function renderNoQuotation(answer: Answer): string {
  const by = answer.speaker ? ` by ${answer.speaker}` : '';
  const matching = answer.query.trim() === '' ? '' : ` matches “${answer.query.trim()}”`;
  const offered = answer.suggestions?.length ? `\nSpeakers with quotations: ${answer.suggestions.join(', ')}.` : '';
  return `No quotation${by} in the corpus${matching}.${offered}`;
}

/** Renders an answer for a terminal: the corpus text as is, each excerpt followed by its citation. */
export function renderAnswerText(answer: Answer): string {
  const asked = `/${answer.command} ${answer.query}`.trim();
  if (answer.results.length === 0 && answer.command === 'quote') return renderNoQuotation(answer);
  if (answer.results.length === 0) {
    const hint = answer.suggestions?.length ? `\nDid you mean: ${answer.suggestions.join(', ')}?` : '';
    return `Nothing in the corpus answers ${asked}.${hint}`;
  }
  return answer.results.map((result, index) => formatResult(result, index + 1)).join('\n\n');
}
