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
  else if (result.documentDate) lines.push(`   when: not said here; ${describeDocumentDate(result.documentDate)}`);
  lines.push(`   — ${formatCitation(result.source, result.paragraph)}`);
  return lines.join('\n');
}

function describeDocumentDate(documentDate: NonNullable<Result['documentDate']>): string {
  return `the document is dated ${documentDate.date} (${documentDate.source === 'dateline' ? 'from its dateline' : 'from its metadata'})`;
}

/** Renders an answer for a terminal: the corpus text as is, each excerpt followed by its citation. */
export function renderAnswerText(answer: Answer): string {
  const asked = `/${answer.command} ${answer.query}`.trim();
  if (answer.results.length === 0) {
    const hint = answer.suggestions?.length ? `\nDid you mean: ${answer.suggestions.join(', ')}?` : '';
    if (answer.command === 'when') return `Nothing in the corpus says when that happened (${asked}).${hint}`;
    return `Nothing in the corpus answers ${asked}.${hint}`;
  }
  return answer.results.map((result, index) => formatResult(result, index + 1)).join('\n\n');
}
