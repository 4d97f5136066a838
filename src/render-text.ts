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

/** What /quote found nothing for, and the speakers who do have quotations. */
function renderNoQuotation(answer: Answer): string {
  const by = answer.speaker ? ` by ${answer.speaker}` : '';
  const matching = answer.query.trim() === '' ? '' : ` matches “${answer.query.trim()}”`;
  const offered = answer.suggestions?.length ? `\nSpeakers with quotations: ${answer.suggestions.join(', ')}.` : '';
  return `No quotation${by} in the corpus${matching}.${offered}`;
}

/** /who's heading: the person as the corpus names them, their other names and roles, and who else the name may mean. */
function formatPerson(answer: Answer): string | undefined {
  if (!answer.person) return undefined;
  const { name, aliases, roles } = answer.person;
  const lines = [[name, ...(roles.length > 0 ? [roles.join(', ')] : [])].join(' — ')];
  if (aliases.length > 0) lines.push(`also: ${aliases.join(', ')}`);
  if (answer.suggestions?.length) lines.push(`the name may also mean: ${answer.suggestions.join(', ')}`);
  return lines.join('\n');
}

function formatNothing(answer: Answer): string {
  const asked = `/${answer.command} ${answer.query}`.trim();
  const hint = answer.suggestions?.length ? `\nDid you mean: ${answer.suggestions.join(', ')}?` : '';
  if (answer.command === 'who') return `No one called “${answer.query}” is in the corpus.${hint}`;
  if (answer.command === 'quote') return renderNoQuotation(answer);
  return `Nothing in the corpus says when that happened (${asked}).${hint}`;
}

/** Renders an answer for a terminal: the corpus text as is, each excerpt followed by its citation. */
export function renderAnswerText(answer: Answer): string {
  if (answer.results.length === 0) return formatNothing(answer);
  const heading = formatPerson(answer);
  const results = answer.results.map((result, index) => formatResult(result, index + 1)).join('\n\n');
  return heading ? `${heading}\n\n${results}` : results;
}
