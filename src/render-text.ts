import type { Answer, Result, Source } from './core/answer/answer.ts';

/**
 * Plain-text wording shared by every adapter: the console and CLI print it as
 * is, Discord escapes it. Only fixed labels are written here; corpus words
 * come from the answer unchanged.
 */

/** The citation line: title, publisher, author and date where known, then paragraph and file. */
export function formatCitation(source: Source, paragraph: number): string {
  const known = [source.title, source.publisher, source.author, source.date].filter((part): part is string => Boolean(part));
  return [...known, `¶${paragraph}`, source.file].join(' · ');
}

/** /when: the time expression and its date, or the document's date when the passage names no time. */
export function describeWhen(result: Result): string | undefined {
  if (result.when) return `${result.when.text}${result.when.date ? ` (${result.when.date})` : ''}`;
  if (!result.documentDate) return undefined;
  const source = result.documentDate.source === 'dateline' ? 'from its dateline' : 'from its metadata';
  return `not said here; the document is dated ${result.documentDate.date} (${source})`;
}

/** /who's heading: the person as the corpus names them, their roles, other names, and who else the name may mean. */
export function describePerson(answer: Answer): string | undefined {
  if (!answer.person) return answer.command === 'who' && answer.results.length > 0 ? describeUnknownName(answer) : undefined;
  const { name, aliases, roles } = answer.person;
  const lines = [[name, ...(roles.length > 0 ? [roles.join(', ')] : [])].join(' — ')];
  if (aliases.length > 0) lines.push(`also: ${aliases.join(', ')}`);
  if (answer.suggestions?.length) lines.push(`the name may also mean: ${answer.suggestions.join(', ')}`);
  return lines.join('\n');
}

/** /who for a name the people index does not know: the passages that match it follow, and the close names it does know. */
function describeUnknownName(answer: Answer): string {
  const close = answer.suggestions?.length ? `\npeople with close names: ${answer.suggestions.join(', ')}` : '';
  return `No one called “${answer.query}” is in the people index; the passages that match it:${close}`;
}

/** What to say when nothing matched, with the close matches the core offers. */
export function describeNothingFound(answer: Answer): string {
  const asked = `/${answer.command} ${answer.query}`.trim();
  const suggestions = answer.suggestions ?? [];
  const hint = suggestions.length > 0 ? `\nDid you mean: ${suggestions.join(', ')}?` : '';
  if (answer.command === 'who') return `No one called “${answer.query}” is in the corpus.${hint}`;
  if (answer.command === 'quote') {
    const by = answer.speaker ? ` by ${answer.speaker}` : '';
    const matching = answer.query.trim() === '' ? '' : ` matches “${answer.query.trim()}”`;
    const offered = suggestions.length > 0 ? `\nSpeakers with quotations: ${suggestions.join(', ')}.` : '';
    return `No quotation${by} in the corpus${matching}.${offered}`;
  }
  return `Nothing in the corpus says when that happened (${asked}).${hint}`;
}

/** /quote: a passage holding the words asked, where no quotation was recognised. */
export const PLAIN_PASSAGE_LABEL = 'a passage with these words (no quotation recognised in it)';

/** /quote: where else in its document a quotation recurs (a pull quote), e.g. "¶37, ¶40". */
export function describeRecurrences(result: Result): string | undefined {
  return result.recursIn?.length ? result.recursIn.map((paragraph) => `¶${paragraph}`).join(', ') : undefined;
}

function formatResult(result: Result, position: number): string {
  const lines = [`${position}. ${result.text}`];
  if (result.speaker) lines.push(`   speaker: ${result.speaker}`);
  if (result.passage) lines.push(`   ${PLAIN_PASSAGE_LABEL}`);
  const when = describeWhen(result);
  if (when) lines.push(`   when: ${when}`);
  const recurrences = describeRecurrences(result);
  if (recurrences) lines.push(`   also in: ${recurrences}`);
  lines.push(`   — ${formatCitation(result.source, result.paragraph)}`);
  return lines.join('\n');
}

/** Renders an answer for a terminal: the corpus text as is, each excerpt followed by its citation. */
export function renderAnswerText(answer: Answer): string {
  if (answer.results.length === 0) return describeNothingFound(answer);
  const heading = describePerson(answer);
  const results = answer.results.map((result, index) => formatResult(result, index + 1)).join('\n\n');
  return heading ? `${heading}\n\n${results}` : results;
}
