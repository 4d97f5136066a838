import type { Component, ParsedResult, ParsingContext, ParsingResult, Refiner } from 'chrono-node';

/**
 * Refiners added to chrono, and the order of results: what chrono's English
 * results need in news before they are read as time expressions.
 */

export const CLOCK_TIME = /\d:\d\d|\b[ap]\.?m\b|\bnoon\b|\bmidnight\b|\bo'clock\b|\bin the (?:morning|afternoon|evening)\b/iu;

/**
 * Drops clock times written without a.m., p.m. or minutes before chrono
 * merges them into a neighbouring date: in news "13 to 1 on Monday" is a vote
 * on Monday and "at 9" a count, not 9 o'clock.
 */
export const bareClockFilter: Refiner = {
  refine: (_context: ParsingContext, results: ParsingResult[]) => results.filter((result) => !isBareClock(result)),
};

function isBareClock(result: ParsedResult): boolean {
  return result.start.isCertain('hour') && !isDated(result) && !CLOCK_TIME.test(result.text);
}

const PART_OF_DAY = /^(?:morning|afternoon|evening|night)$/iu;

/**
 * "the night of March 10": chrono merges the part of the day with the date
 * after "of" and loses the date (chrono 2.10). The part of the day is dropped
 * before the merge; the leading words take it back into the span.
 */
export const partOfDayBeforeADate: Refiner = {
  refine: (context: ParsingContext, results: ParsingResult[]) =>
    results.filter((result, index) => {
      const next = results[index + 1];
      if (!next || !PART_OF_DAY.test(result.text)) return true;
      return !/^\s+of\s+$/iu.test(context.text.slice(result.index + result.text.length, next.index));
    }),
};

/** Whether a result names a day, month, year or weekday, or one relative to now. */
export function isDated(result: ParsedResult): boolean {
  const start = result.start;
  return ['year', 'month', 'day', 'weekday'].some((component) => start.isCertain(component as Component)) || result.tags().has('result/relativeDate');
}

/** Results in text order without overlaps: of two that overlap, the longer stays (the first on a tie). */
export function withoutOverlaps(results: readonly ParsedResult[]): ParsedResult[] {
  const kept: ParsedResult[] = [];
  for (const result of [...results].sort((a, b) => a.index - b.index)) {
    const last = kept.at(-1);
    if (!last || last.index + last.text.length <= result.index) kept.push(result);
    else if (result.text.length > last.text.length) kept[kept.length - 1] = result;
  }
  return kept;
}
