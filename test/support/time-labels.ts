import { readFile } from 'node:fs/promises';
import YAML from 'yaml';
import type { Library } from '../../src/core/library/library.ts';

/** A labelled time expression: its verbatim text and the date it should resolve to, if any. */
export interface Label {
  text: string;
  date?: string;
}

/** One labelled article of test/fixtures/dates/{dev,heldout}.yaml. */
export interface LabelledCase {
  date?: string;
  text: string;
  expect: Label[];
}

export const FIXTURES = new URL('../fixtures/dates/', import.meta.url);

/** "on Thursday = 2025-07-24" → { text: "on Thursday", date: "2025-07-24" }. */
function parseLabel(line: string): Label {
  const [text = '', date] = line.split(' = ');
  return date === undefined ? { text } : { text, date };
}

export async function readCases(name: string): Promise<LabelledCase[]> {
  const raw = YAML.parse(await readFile(new URL(name, FIXTURES), 'utf8')) as { date?: string; text: string; expect: string[] }[];
  return raw.map((entry) => ({ ...entry, expect: entry.expect.map(parseLabel) }));
}

export async function readSeedLabels(): Promise<Map<string, Label[]>> {
  const raw = YAML.parse(await readFile(new URL('seed.yaml', FIXTURES), 'utf8')) as Record<string, string[]>;
  return new Map(Object.entries(raw).map(([file, lines]) => [file, lines.map(parseLabel)]));
}

/** A labelled or extracted expression placed in its file. */
interface Placed {
  file: string;
  start: number;
  end: number;
  date?: string | undefined;
}

/** Places each label at its next occurrence in the file, labels being in text order. */
export function placeLabels(file: string, text: string, labels: readonly Label[]): Placed[] {
  let from = 0;
  return labels.map((label) => {
    const start = text.indexOf(label.text, from);
    if (start < 0) throw new Error(`label "${label.text}" not found in ${file} after offset ${from}`);
    from = start + label.text.length;
    return { file, start, end: from, date: label.date };
  });
}

export interface Scores {
  gold: number;
  found: number;
  /** Found with exactly the labelled span. */
  exact: number;
  /** Labels overlapped by a found expression, and found expressions overlapping a label. */
  overlapping: number;
  overlappingFound: number;
  /** Exact matches whose date (or absence of one) is the labelled one. */
  rightDate: number;
  /** Exact matches given a date, and how many of those dates are right. */
  dated: number;
  rightDated: number;
  misses: string[];
}

/** Compares a Library's time expressions with labels placed in the same files. */
export function score(library: Library, gold: readonly Placed[]): Scores {
  const found = library.timeExpressions;
  const key = (item: Placed): string => `${item.file}:${item.start}:${item.end}`;
  const foundByKey = new Map(found.map((item) => [key(item), item]));
  const goldKeys = new Set(gold.map(key));
  const quote = (item: Placed): string => JSON.stringify(library.documentsByFile.get(item.file)?.text.slice(item.start, item.end));
  const scores: Scores = { gold: gold.length, found: found.length, exact: 0, overlapping: 0, overlappingFound: 0, rightDate: 0, dated: 0, rightDated: 0, misses: [] };
  for (const label of gold) {
    const match = foundByKey.get(key(label));
    const overlaps = found.some((item) => item.file === label.file && item.start < label.end && label.start < item.end);
    if (overlaps) scores.overlapping += 1;
    if (!match) {
      scores.misses.push(`missed ${quote(label)} in ${label.file}`);
      continue;
    }
    scores.exact += 1;
    if (match.date === label.date) scores.rightDate += 1;
    else scores.misses.push(`${quote(label)} in ${label.file}: ${match.date ?? 'no date'}, labelled ${label.date ?? 'no date'}`);
    if (match.date !== undefined) {
      scores.dated += 1;
      if (match.date === label.date) scores.rightDated += 1;
    }
  }
  for (const item of found) {
    if (gold.some((label) => label.file === item.file && item.start < label.end && label.start < item.end)) scores.overlappingFound += 1;
    if (!goldKeys.has(key(item))) scores.misses.push(`extra ${quote(item)} in ${item.file}`);
  }
  return scores;
}

export interface Figures {
  precision: number;
  recall: number;
  overlapPrecision: number;
  overlapRecall: number;
  /** Of exact matches, the share with the labelled date or labelled absence of one. */
  dateAccuracy: number;
  /** Of the dates given, the share that are right: a wrong date is worse than none. */
  datePrecision: number;
}

export function figuresOf(scores: Scores): Figures {
  const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);
  return {
    precision: ratio(scores.exact, scores.found),
    recall: ratio(scores.exact, scores.gold),
    overlapPrecision: ratio(scores.overlappingFound, scores.found),
    overlapRecall: ratio(scores.overlapping, scores.gold),
    dateAccuracy: ratio(scores.rightDate, scores.exact),
    datePrecision: ratio(scores.rightDated, scores.dated),
  };
}
