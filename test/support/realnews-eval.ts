import { readFile } from 'node:fs/promises';
import MiniSearch from 'minisearch';
import YAML from 'yaml';
import { answer, type Answer, type Result } from '../../src/core/answer/answer.ts';
import type { Library } from '../../src/core/library/library.ts';
import { foldText } from '../../src/core/text/text.ts';

/**
 * The evaluation on real news (README, "Real news"): hand-labelled questions
 * over articles of test/fixtures/realnews/corpus, scored for Verbatim and for
 * plain minisearch over the same body passages, so that every command is
 * compared with the BM25 it sits on. Format: test/fixtures/realnews/README.md.
 */

interface WhoLabel {
  query: string;
  person: string;
  describes: string[];
}
interface QuoteLabel {
  paragraph: number;
  text: string;
  speaker: string | null;
}
interface WhenLabel {
  query: string;
  paragraph: number;
  expression: string;
  date?: string;
}
interface NothingLabel {
  command: 'who' | 'when' | 'quote';
  query: string;
}
interface ArticleLabels {
  file: string;
  documentDate: string | null;
  who?: WhoLabel[] | null;
  quotes?: QuoteLabel[] | null;
  when?: WhenLabel[] | null;
  nothing?: NothingLabel[] | null;
}

export async function readRound(path: string): Promise<ArticleLabels[]> {
  return (YAML.parse(await readFile(path, 'utf8')) as { articles: ArticleLabels[] }).articles;
}

/** How many results a person sees at once in Discord, and the first of them. */
export const TOP_K = 5;

export interface Score {
  hits: number;
  total: number;
}
const score = (): Score => ({ hits: 0, total: 0 });
const count = (tally: Score, hit: boolean): void => {
  tally.total += 1;
  if (hit) tally.hits += 1;
};
export const rate = (tally: Score): number => (tally.total === 0 ? 1 : tally.hits / tally.total);

/** The figures of one round, each for Verbatim (top 1, top k) and for plain BM25 (top k). */
export interface RoundFigures {
  who: { top1: Score; topK: Score; person: Score; bm25TopK: Score };
  quote: { topK: Score; speaker: Score; bySpeaker: Score; unnamedLeftUnnamed: Score; bm25TopK: Score };
  when: { top1: Score; topK: Score; passageTopK: Score; expression: Score; bm25TopK: Score };
  nothing: { verbatim: Score; bm25: Score };
  documentDate: Score;
  misses: string[];
}

const fold = (text: string): string => foldText(text).folded;
const words = (text: string): string[] => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The same person: one name's words are all among the other's ("Trump" and "Donald Trump"). */
export function samePerson(a: string | undefined | null, b: string | undefined | null): boolean {
  if (!a || !b) return false;
  const [x, y] = [words(a), words(b)];
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  return shorter.length > 0 && shorter.every((word) => longer.includes(word));
}

/** Plain minisearch over the Library's body passages, with its default options: the baseline. */
export function plainBm25(library: Library): (query: string) => { file: string; paragraph: number; text: string }[] {
  const body = library.passages.filter((passage) => !passage.furniture);
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  index.addAll(body.map(({ id, text }) => ({ id, text })));
  return (query) =>
    index
      .search(query)
      .slice(0, TOP_K)
      .map((hit) => library.passages[hit.id as number]!)
      .map(({ file, paragraph, text }) => ({ file, paragraph, text }));
}

/** The labelled span's offsets in its file: its paragraph is the n-th non-empty line. */
function locateInFile(library: Library, file: string, paragraph: number, text: string): { start: number; end: number } | undefined {
  const document = library.documentsByFile.get(file);
  if (!document) return undefined;
  let offset = 0;
  let seen = 0;
  for (const line of document.text.split('\n')) {
    if (line.trim() !== '') seen += 1;
    if (seen === paragraph && line.trim() !== '') {
      const at = line.indexOf(text);
      return at < 0 ? undefined : { start: offset + at, end: offset + at + text.length };
    }
    offset += line.length + 1;
  }
  return undefined;
}

const overlaps = (result: Result, span: { start: number; end: number }): boolean =>
  result.start !== undefined && result.end !== undefined && result.start < span.end && span.start < result.end;

/** A quotation as a person would ask for it: its first six words, without the marks (an apostrophe inside a word stays). */
export function quoteQuery(text: string): string {
  return text
    .replace(/[“”"]|(?<![\p{L}\p{N}])[‘’']|[‘’'](?![\p{L}\p{N}])/gu, ' ')
    .split(/\s+/u)
    .filter(Boolean)
    .slice(0, 6)
    .join(' ');
}

const surname = (name: string): string => name.trim().split(/\s+/u).at(-1) ?? name;

export function evaluateRound(library: Library, articles: readonly ArticleLabels[]): RoundFigures {
  const bm25 = plainBm25(library);
  const figures: RoundFigures = {
    who: { top1: score(), topK: score(), person: score(), bm25TopK: score() },
    quote: { topK: score(), speaker: score(), bySpeaker: score(), unnamedLeftUnnamed: score(), bm25TopK: score() },
    when: { top1: score(), topK: score(), passageTopK: score(), expression: score(), bm25TopK: score() },
    nothing: { verbatim: score(), bm25: score() },
    documentDate: score(),
    misses: [],
  };
  const miss = (what: string): void => void figures.misses.push(what);
  for (const article of articles) {
    const { file } = article;
    const ask = (command: 'who' | 'when' | 'quote', query: string, speaker?: string): Answer =>
      answer(library, command, query, speaker === undefined ? {} : { speaker, limit: 100 });

    for (const label of article.who ?? []) {
      const describes = (text: string): boolean => label.describes.some((phrase) => fold(text).includes(fold(phrase)));
      const answered = ask('who', label.query);
      const inFile = answered.results.slice(0, TOP_K).filter((result) => result.source.file === file);
      count(figures.who.top1, answered.results[0]?.source.file === file && describes(answered.results[0].text));
      const topK = inFile.some((result) => describes(result.text));
      count(figures.who.topK, topK);
      count(figures.who.person, samePerson(answered.person?.name, label.person));
      count(figures.who.bm25TopK, bm25(label.query).some((hit) => hit.file === file && describes(hit.text)));
      if (!topK) miss(`who ${file} "${label.query}" → ${answered.person?.name ?? 'no person'}`);
    }

    for (const label of article.quotes ?? []) {
      const span = locateInFile(library, file, label.paragraph, label.text);
      if (!span) throw new Error(`${file} ¶${label.paragraph}: labelled quotation not found: ${label.text}`);
      const query = quoteQuery(label.text);
      // A quotation repeated in its article (a pull quote) is cited once, at its first paragraph, saying where it recurs.
      const citesLabel = (result: Result): boolean => result.source.file === file && (overlaps(result, span) || (result.recursIn ?? []).includes(label.paragraph));
      const found = ask('quote', query).results.slice(0, TOP_K).find(citesLabel);
      count(figures.quote.topK, found !== undefined);
      count(figures.quote.bm25TopK, bm25(query).some((hit) => hit.file === file && hit.paragraph === label.paragraph));
      if (label.speaker) {
        const right = samePerson(found?.speaker, label.speaker);
        count(figures.quote.speaker, right);
        if (!right) miss(`quote ${file} ¶${label.paragraph} speaker ${found?.speaker ?? 'none'} ≠ ${label.speaker}`);
        const listed = ask('quote', '', surname(label.speaker)).results.some(citesLabel);
        count(figures.quote.bySpeaker, listed);
      } else if (found) {
        count(figures.quote.unnamedLeftUnnamed, found.speaker === undefined);
      }
    }

    for (const label of article.when ?? []) {
      const right = (result: Result): boolean => result.source.file === file && result.paragraph === label.paragraph;
      const span = locateInFile(library, file, label.paragraph, label.expression);
      if (!span) throw new Error(`${file} ¶${label.paragraph}: labelled time expression not found: ${label.expression}`);
      const results = ask('when', label.query).results;
      // The expression chosen is the labelled one when their places in the file overlap: labellers and
      // the extractor may draw the edges differently ("for Feb. 14" and "Feb. 14").
      const rightExpression = (result: Result): boolean => {
        const chosen = result.when;
        if (!right(result) || result.start === undefined || chosen?.start === undefined || chosen.end === undefined) return false;
        return result.start + chosen.start < span.end && span.start < result.start + chosen.end;
      };
      count(figures.when.top1, results[0] !== undefined && rightExpression(results[0]));
      const topK = results.slice(0, TOP_K).some(rightExpression);
      count(figures.when.topK, topK);
      const passageFound = results.slice(0, TOP_K).find(right);
      count(figures.when.passageTopK, passageFound !== undefined);
      if (passageFound) count(figures.when.expression, rightExpression(passageFound));
      count(figures.when.bm25TopK, bm25(label.query).some((hit) => hit.file === file && hit.paragraph === label.paragraph));
      if (!topK) miss(`when ${file} "${label.query}" → ${passageFound ? `"${passageFound.when?.text ?? 'no expression'}"` : 'passage not in top 5'} ≠ "${label.expression}"`);
    }

    for (const label of article.nothing ?? []) {
      const empty = ask(label.command, label.query).results.length === 0;
      count(figures.nothing.verbatim, empty);
      count(figures.nothing.bm25, bm25(label.query).length === 0);
      if (!empty) miss(`nothing ${label.command} "${label.query}" answered`);
    }

    const date = library.documentDates.get(file)?.date ?? null;
    count(figures.documentDate, date === article.documentDate);
    if (date !== article.documentDate) miss(`date ${file}: ${date ?? 'none'} ≠ ${article.documentDate ?? 'none'}`);
  }
  return figures;
}

const cell = (tally: Score): string => `${tally.hits}/${tally.total} = ${rate(tally).toFixed(2)}`;

/** The figures as the README's table rows. */
export function formatFigures(round: string, figures: RoundFigures): string {
  const { who, quote, when, nothing } = figures;
  return [
    `| ${round} | /who | ${cell(who.top1)} | ${cell(who.topK)} | ${cell(who.bm25TopK)} | person named: ${cell(who.person)} |`,
    `| ${round} | /quote | | ${cell(quote.topK)} | ${cell(quote.bm25TopK)} | speaker: ${cell(quote.speaker)}; listed by speaker: ${cell(quote.bySpeaker)}; unnamed speakers left unnamed: ${cell(quote.unnamedLeftUnnamed)} |`,
    `| ${round} | /when, the event's passage | | ${cell(when.passageTopK)} | ${cell(when.bm25TopK)} | |`,
    `| ${round} | /when, and its time expression | ${cell(when.top1)} | ${cell(when.topK)} | | expression of a found passage: ${cell(when.expression)} |`,
    `| ${round} | nothing found | | ${cell(nothing.verbatim)} | ${cell(nothing.bm25)} | |`,
    `| ${round} | document dates | | ${cell(figures.documentDate)} | | |`,
  ].join('\n');
}
