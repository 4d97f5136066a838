import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { z } from 'zod';
import type { Library } from '../../src/core/library/library.ts';
import { normalise } from '../../src/core/text/text.ts';

export const QUOTE_FIXTURES = fileURLToPath(new URL('../fixtures/quotes/corpus', import.meta.url));
const LABELS = fileURLToPath(new URL('../fixtures/quotes/labels.yaml', import.meta.url));

const LabelSchema = z.object({
  file: z.string(),
  paragraph: z.number().int().positive(),
  /** The quotation verbatim, marks included. */
  text: z.string().min(1),
  /** The speaker's full name, or null when the text names no one person. */
  speaker: z.string().nullable(),
});
export type QuoteLabel = z.infer<typeof LabelSchema>;

const LabelsSchema = z.object({ seed: z.array(LabelSchema), fixtures: z.array(LabelSchema) }).strict();

export async function readQuoteLabels(): Promise<z.infer<typeof LabelsSchema>> {
  return LabelsSchema.parse(YAML.parse(await readFile(LABELS, 'utf8')));
}

/** An extracted quotation as the evaluation sees it: its place, its exact text and its speaker's Person.id. */
interface Extracted {
  file: string;
  paragraph: number;
  text: string;
  speakerId: number | undefined;
}

export interface QuoteScores {
  labelled: number;
  extracted: number;
  /** Extracted quotations that match a label exactly: same file, same paragraph, same text. */
  matched: number;
  /** Matched quotations whose speaker is the labelled person (or none where the label is null). */
  attributed: number;
  /** Matched quotations labelled with a person the people index does not know at all: no attribution can name them. */
  unknownToIndex: number;
  precision: number;
  recall: number;
  /** attributed / matched: end to end, people index included. */
  attribution: number;
  /** attributed / (matched − unknownToIndex): the attribution's own accuracy, given the people index's people. */
  attributionGivenIndex: number;
  /** Every disagreement, for the test's failure message. */
  errors: string[];
}

/**
 * Scores the Library's quotations against labels. A span matches only when it
 * is exactly the labelled text (marks included) in the labelled paragraph. A
 * labelled speaker is compared through the people index: the quotation's
 * speakerId must be the Person that `people.find(label)` returns, or else the
 * one person whose index name holds the labelled name (an index that keeps a
 * stray word, "Analyst Kwame Mensah", still names Kwame Mensah).
 */
function labelledPerson(library: Library, name: string): number | undefined {
  const found = library.people.find(name);
  if (found) return found.id;
  const wanted = ` ${normalise(name)} `;
  const holding = library.people.people.filter((person) => ` ${normalise(person.name)} `.includes(wanted));
  return holding.length === 1 ? holding[0]?.id : undefined;
}

export function scoreQuotations(library: Library, labels: readonly QuoteLabel[]): QuoteScores {
  const extracted: Extracted[] = library.quotations.map((quotation) => ({
    file: quotation.file,
    paragraph: quotation.paragraph,
    text: library.documentsByFile.get(quotation.file)?.text.slice(quotation.start, quotation.end) ?? '',
    speakerId: quotation.speakerId,
  }));
  const unmatched = [...extracted];
  const errors: string[] = [];
  let matched = 0;
  let attributed = 0;
  let unknownToIndex = 0;
  const nameOf = (id: number | undefined): string => (id === undefined ? 'nobody' : (library.people.people.find((person) => person.id === id)?.name ?? `#${id}`));
  for (const label of labels) {
    const found = unmatched.findIndex((item) => item.file === label.file && item.paragraph === label.paragraph && item.text === label.text);
    const where = `${label.file} ¶${label.paragraph} ${label.text.slice(0, 60)}`;
    if (found === -1) {
      errors.push(`missed: ${where}`);
      continue;
    }
    const [item] = unmatched.splice(found, 1) as [Extracted];
    matched += 1;
    const expected = label.speaker === null ? undefined : labelledPerson(library, label.speaker);
    if (label.speaker !== null && expected === undefined) {
      unknownToIndex += 1;
      errors.push(`people index does not know "${label.speaker}": ${where}`);
    }
    else if (item.speakerId === expected) attributed += 1;
    else errors.push(`speaker ${nameOf(item.speakerId)}, expected ${label.speaker ?? 'nobody'}: ${where}`);
  }
  for (const item of unmatched) errors.push(`not a labelled quotation: ${item.file} ¶${item.paragraph} ${item.text.slice(0, 60)}`);
  return {
    labelled: labels.length,
    extracted: extracted.length,
    matched,
    attributed,
    unknownToIndex,
    precision: extracted.length === 0 ? 0 : matched / extracted.length,
    recall: labels.length === 0 ? 0 : matched / labels.length,
    attribution: matched === 0 ? 0 : attributed / matched,
    attributionGivenIndex: matched === unknownToIndex ? 0 : attributed / (matched - unknownToIndex),
    errors,
  };
}
