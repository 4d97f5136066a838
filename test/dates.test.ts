import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf, formatSpan, parsePartialDate, weekdayOf } from '../src/core/time/calendar.ts';
import { extractTimeExpressions } from '../src/core/time/time.ts';
import { documentDate } from '../src/core/time/document-date.ts';
import { loadLibrary, type Library } from '../src/core/library/library.ts';
import { splitPassages } from '../src/core/corpus/passages.ts';
import type { SourceDocument } from '../src/core/types.ts';
import { makeTempCorpus, SEED_CORPUS, type TempCorpus } from './support/corpus-dir.ts';

function documentOf(text: string, date?: string): SourceDocument {
  return { file: 'article.txt', text, bodyStart: 0, format: 'text', meta: date ? { date } : {}, bytes: text.length };
}

/** The time expressions of a one-file article as the Library would find them: verbatim text and date. */
function expressionsIn(text: string, date?: string): { text: string; date?: string }[] {
  const document = documentOf(text, date);
  const passages = splitPassages(document, 0);
  return extractTimeExpressions(passages, documentDate(document, passages)).map((expression) => ({
    text: text.slice(expression.start, expression.end),
    ...(expression.date ? { date: expression.date } : {}),
  }));
}

describe('calendar', () => {
  it('counts weekdays as JavaScript does and formats a span as the finest unit holding it', () => {
    for (const [year, month, day] of [[2025, 7, 24], [2024, 2, 29], [1999, 12, 31]] as const) {
      expect(weekdayOf(dayOf(year, month, day) ?? 0)).toBe(new Date(Date.UTC(year, month - 1, day)).getUTCDay());
    }
    expect(dayOf(2025, 2, 29)).toBeUndefined();
    const days = (from: string, to: string) => ({ first: parsePartialDate(from)?.first ?? 0, last: parsePartialDate(to)?.last ?? 0 });
    expect(formatSpan(days('2025-07-19', '2025-07-19'))).toBe('2025-07-19');
    expect(formatSpan(days('2025-07-19', '2025-07-20'))).toBe('2025-07');
    expect(formatSpan(days('2025-07-27', '2025-08-03'))).toBe('2025');
    expect(formatSpan(days('2024-12-29', '2025-01-04'))).toBeUndefined();
    expect(formatSpan(parsePartialDate('2024-02') ?? { first: 0, last: 0 })).toBe('2024-02');
  });
});

describe('time expressions resolved against the document date', () => {
  it('reads a bare weekday as the latest one on or before the date in past-tense news, the coming one after "will"', () => {
    // 2025-07-24 is a Thursday; chrono alone would put "Sunday" on the 27th, the nearer one.
    expect(expressionsIn('Hamas said on Sunday that it had accepted.', '2025-07-24')).toEqual([{ text: 'on Sunday', date: '2025-07-20' }]);
    expect(expressionsIn('The envoy said on Thursday that talks had failed.', '2025-07-24')).toEqual([{ text: 'on Thursday', date: '2025-07-24' }]);
    expect(expressionsIn('The cabinet will meet on Sunday.', '2025-07-24')).toEqual([{ text: 'on Sunday', date: '2025-07-27' }]);
    // "would" leaves both ways open: only the month is certain.
    expect(expressionsIn('He said he would convene the cabinet on Sunday.', '2025-07-24')).toEqual([{ text: 'on Sunday', date: '2025-07' }]);
  });

  it('places a year-less date in the recent past, and leaves a distant or attributive one without a date', () => {
    expect(expressionsIn('The war, which began on Oct. 7, displaced most of Gaza.', '2023-12-31')).toEqual([{ text: 'on Oct. 7', date: '2023-10-07' }]);
    expect(expressionsIn('Officials said on Dec. 28 that a deal was close.', '2024-01-02')).toEqual([{ text: 'on Dec. 28', date: '2023-12-28' }]);
    // Nine months back is outside the window: "Oct. 7" in mid-2025 is more likely the 2023 attack than Oct. 7, 2024.
    expect(expressionsIn('Since Oct. 7, the ministry has counted the dead.', '2025-07-24')).toEqual([{ text: 'Since Oct. 7' }]);
    expect(expressionsIn('The Oct. 7 attacks changed Israeli politics.', '2023-12-31')).toEqual([{ text: 'Oct. 7' }]);
    expect(expressionsIn('The court is scheduled to rule on March 28.', '2024-03-11')).toEqual([{ text: 'on March 28', date: '2024-03-28' }]);
  });

  it('resolves no finer than a year-only document date allows', () => {
    expect(expressionsIn('Families met the envoy over the weekend and again on Thursday.', '2025')).toEqual([
      { text: 'over the weekend' },
      { text: 'on Thursday' },
    ]);
    expect(expressionsIn('His body was returned earlier this year, after the attack on Oct. 7, 2023.', '2025')).toEqual([
      { text: 'earlier this year', date: '2025' },
      { text: 'on Oct. 7, 2023', date: '2023-10-07' },
    ]);
  });

  it('gives a relative expression no date when the document has none, and keeps absolute ones', () => {
    expect(expressionsIn('The truce ended last Saturday, as agreed in 2011 and again in October 2025.')).toEqual([
      { text: 'last Saturday' },
      { text: 'in 2011', date: '2011' },
      { text: 'in October 2025', date: '2025-10' },
    ]);
  });

  it('reads counts as precisely as they are written and leaves hedged or vague ones open', () => {
    expect(expressionsIn('The swap took place six months ago, nearly two years ago, or several weeks ago.', '2025-07-24')).toEqual([
      { text: 'six months ago', date: '2025-01' },
      { text: 'nearly two years ago' },
      { text: 'several weeks ago' },
    ]);
    expect(expressionsIn('Leverage will diminish early next week, as it did this week and in recent weeks.', '2025-07-24')).toEqual([
      { text: 'early next week', date: '2025-07' },
      { text: 'this week', date: '2025-07' },
      { text: 'in recent weeks' },
    ]);
  });

  it('reads years chrono leaves alone: after "as soon as", in part of a year, in ranges and before the event they date', () => {
    const text =
      'The probe may fly as soon as 2023, a model is due in the first half of 2020, abuse went on from at least 2002 to 2005, ' +
      'surveys ran between 2008 to 2016, and during the 2018 flu season children died.';
    expect(expressionsIn(text, '2019-11-20')).toEqual([
      { text: 'as soon as 2023', date: '2023' },
      { text: 'in the first half of 2020', date: '2020' },
      { text: 'from at least 2002 to 2005' },
      { text: 'between 2008 to 2016' },
      { text: 'during the 2018', date: '2018' },
    ]);
  });

  it('reads a named day of a year as that year, and a named day before the noun it qualifies as no weekday', () => {
    expect(expressionsIn('Black Friday 2019 will be huge, as it was back on Prime Day 2019.', '2019-11-20')).toEqual([
      { text: 'Black Friday 2019', date: '2019' },
      { text: 'on Prime Day 2019', date: '2019' },
    ]);
    expect(expressionsIn("Walmart's Black Friday ad went up last night.", '2019-11-20')).toEqual([{ text: 'last night', date: '2019-11-19' }]);
    expect(expressionsIn('She testified before the Intelligence Committee Tuesday about the call.', '2019-11-20')).toEqual([
      { text: 'Tuesday', date: '2019-11-19' },
    ]);
  });

  it('dates decades ago by the year, and shows centuries, decades, seasons and the time of a told story as written', () => {
    expect(expressionsIn('A decade ago it was bankrupt; a year and a half ago it was not; more than two decades ago it began.', '2023-06-15')).toEqual([
      { text: 'A decade ago', date: '2013' },
      { text: 'a year and a half ago', date: '2021' },
      { text: 'more than two decades ago' },
    ]);
    const text =
      'In the 14th century the plague spread; in the mid-2020s a probe will launch. She wrote songs that summer and paid the bill this fall. ' +
      'Earlier that night, police searched the room. Shortly after, critics spoke. The couple had recently moved. Since Diwali, the air has been poor. ' +
      'Her health declined over the next three months, and sales for fiscal year 2019 fell. Shares are up 9 percent year-to-date. ' +
      'In the second period, a fight broke out.';
    expect(expressionsIn(text, '2019-11-20')).toEqual(
      ['In the 14th century', 'in the mid-2020s', 'that summer', 'this fall', 'Earlier that night', 'Shortly after', 'recently', 'Since Diwali', 'over the next three months', 'fiscal year 2019', 'year-to-date', 'In the second period'].map(
        (expression) => ({ text: expression }),
      ),
    );
  });

  it('keeps the date of "the night of March 10", and a year before a verb that ends in -s', () => {
    expect(expressionsIn('Nobody knew where he was on the night of March 10, 2001.', '2019-11-20')).toEqual([{ text: 'on the night of March 10, 2001', date: '2001-03-10' }]);
    expect(expressionsIn('The programme launched in 2011 aims to cut costs, unlike repairs in 2000 homes.', '2019-11-20')).toEqual([{ text: 'in 2011', date: '2011' }]);
  });

  it('never joins an open time to the date after it', () => {
    expect(expressionsIn('Profit rose in the fourth quarter last week, and she left that summer last year.', '2019-11-20')).toEqual([
      { text: 'in the fourth quarter' },
      { text: 'last week', date: '2019-11' },
      { text: 'that summer' },
      { text: 'last year', date: '2018' },
    ]);
    expect(expressionsIn('The company reported its results for the fourth quarter last week.', '2019-11-20')).toEqual([{ text: 'last week', date: '2019-11' }]);
  });

  it('keeps "that" before a verb, "since" before a clause or a verb, a count of years and a season\'s years out', () => {
    expect(expressionsIn('Companies that fall under the rule, since Trump took office, spent 2000 dollars.', '2019-11-20')).toEqual([]);
    expect(expressionsIn('He has had no dizzy turns since recovering. He stays until the end of the 2022/23 season.', '2019-11-20')).toEqual([]);
  });

  it('joins a year-less date and the year named after it, and keeps "late-" with its month', () => {
    expect(expressionsIn('The festival began on October 27 this year; the plant opened on Jan. 5 last year.', '2019-11-20')).toEqual([
      { text: 'on October 27 this year', date: '2019-10-27' },
      { text: 'on Jan. 5 last year', date: '2018-01-05' },
    ]);
    expect(expressionsIn('He unleashed his late-September plan.', '2019-11-20')).toEqual([{ text: 'late-September', date: '2019-09' }]);
  });

  it('drops what news does not mean as a time', () => {
    const text =
      'In an interview on “60 Minutes,” he spoke of a 24-hour pathway, all 20 points of the plan, talks that lasted 45 minutes, ' +
      'a truce of up to 60 days, and a vote of 13 to 1. Hamas may rearm, and June Halpern flew to Mar-a-Lago for now.';
    expect(expressionsIn(text, '2025-07-24')).toEqual([]);
  });

  it('never throws, and every expression lies in the text with a well-formed date', () => {
    const words = ['on', 'Thursday', 'in', 'March', '2011', 'Oct.', '7,', 'last', 'week', 'ago', 'six', 'months', 'the', 'weekend', '5:02', 'p.m.', 'said', '.'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), fc.constantFrom(undefined, '2025', '2025-07', '2025-07-24'), (picked, date) => {
        const text = `${picked.join(' ')}.`;
        const document = documentOf(text, date);
        const passages = splitPassages(document, 0);
        for (const expression of extractTimeExpressions(passages, documentDate(document, passages))) {
          expect(expression.start).toBeGreaterThanOrEqual(0);
          expect(expression.end).toBeLessThanOrEqual(text.length);
          expect(expression.end).toBeGreaterThan(expression.start);
          if (expression.date !== undefined) expect(parsePartialDate(expression.date)).toBeDefined();
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('documentDate', () => {
  const dateOf = (text: string, date?: string) => {
    const document = documentOf(text, date);
    return documentDate(document, splitPassages(document, 0));
  };

  it('takes the metadata date, or a dateline near the top, never a guess', () => {
    expect(dateOf('The talks ended.\n', '2025-07-24')).toEqual({ date: '2025-07-24', source: 'metadata' });
    expect(dateOf('Headline of the piece\nJuly 24, 2025Updated 5:02 p.m. ET\nThe talks ended.\n')).toEqual({ date: '2025-07-24', source: 'dateline' });
    expect(dateOf('Published: Monday, March 3, 2025\nThe talks ended.\n')).toEqual({ date: '2025-03-03', source: 'dateline' });
    expect(dateOf('The talks ended on Thursday.\n')).toBeUndefined();
  });

  it('uses a dateline only where it agrees with the metadata and says more', () => {
    const reuters = 'WASHINGTON, March 5 (Reuters) - The talks ended on Tuesday, a spokesman said.\n';
    expect(dateOf(reuters, '2025')).toEqual({ date: '2025-03-05', source: 'dateline' });
    expect(dateOf(reuters)).toBeUndefined();
    expect(dateOf('July 24, 2025\nThe talks ended.\n', '2024-01-01')).toEqual({ date: '2024-01-01', source: 'metadata' });
  });

  it('reads the date of a byline, a "posted" or "updated" line, a numeric date, and a dated correction at the foot', () => {
    expect(dateOf('Harbour council votes\nBy Jane Roe, March 3, 2019\nThe council met.\n')).toEqual({ date: '2019-03-03', source: 'dateline' });
    expect(dateOf('Harbour council votes\nBY JANE ROE | Posted 3/14/2019\nThe council met.\n')).toEqual({ date: '2019-03-14', source: 'dateline' });
    expect(dateOf('Harbour council votes\nposted 3/14/2019\nThe council met.\n')).toEqual({ date: '2019-03-14', source: 'dateline' });
    expect(dateOf('Harbour council votes\nUpdated 5:02 PM ET, Mon March 4, 2019\nThe council met.\n')).toEqual({ date: '2019-03-04', source: 'dateline' });
    expect(dateOf('Harbour council votes\n2019-03-14\nThe council met.\n')).toEqual({ date: '2019-03-14', source: 'dateline' });
    const body = Array.from({ length: 8 }, (_, index) => `The council met for the ${index + 1}th time.`).join('\n');
    expect(dateOf(`${body}\nCorrection added Nov. 18, 2019: An earlier version misspelled a name.\n`)).toEqual({ date: '2019-11-18', source: 'dateline' });
  });

  it('reads a block that is a labelled date and nothing more anywhere in the document, and no sentence that holds one', () => {
    const body = Array.from({ length: 12 }, (_, index) => `The council met for the ${index + 1}th time.`);
    const withCaption = [...body.slice(0, 7), '(Published Monday, Nov. 18, 2019)', ...body.slice(7)].join('\n');
    expect(dateOf(`${withCaption}\n`)).toEqual({ date: '2019-11-18', source: 'dateline' });
    const inASentence = [...body.slice(0, 7), 'Updated figures, published Nov. 18, 2019, showed the council met more often.', ...body.slice(7)].join('\n');
    expect(dateOf(`${inASentence}\n`)).toBeUndefined();
  });

  it('takes no date from a byline or a foot without one, nor from an unlabelled date at the foot', () => {
    expect(dateOf('By Jane Roe, a reporter who has covered the council since 2019.\nThe council met.\n')).toBeUndefined();
    const body = Array.from({ length: 8 }, (_, index) => `The council met for the ${index + 1}th time.`).join('\n');
    expect(dateOf(`${body}\nMarch 3, 2019\n`)).toBeUndefined();
  });

  it('does not take a sentence that opens with a date for a dateline', () => {
    const text = 'March 5, 2025, will be remembered as the day the talks ended, after weeks of meetings in Cairo and Doha between the envoys.\n';
    expect(dateOf(text)).toBeUndefined();
  });
});

describe('the Library', () => {
  let library: Library;
  let corpus: TempCorpus;
  beforeAll(async () => {
    library = await loadLibrary(SEED_CORPUS);
    corpus = await makeTempCorpus();
    await copyFile(path.join(SEED_CORPUS, '001_9f5de07045ad877d.txt'), path.join(corpus.dir, 'article.txt'));
  });
  afterAll(() => corpus.remove());

  it('holds time expressions of body passages only, each an exact slice of its file', () => {
    expect(library.timeExpressions.length).toBeGreaterThan(30);
    for (const expression of library.timeExpressions) {
      const passage = library.passages[expression.passageId];
      expect(passage?.furniture).toBeUndefined();
      expect(passage?.file).toBe(expression.file);
      expect(expression.start).toBeGreaterThanOrEqual(passage?.start ?? Infinity);
      expect(expression.end).toBeLessThanOrEqual(passage?.end ?? -1);
    }
    const texts = library.timeExpressions.map((expression) => library.documentsByFile.get(expression.file)?.text.slice(expression.start, expression.end));
    expect(texts).not.toContain('July 24');
    expect(texts).toContain('early next week');
  });

  it('dates the seed article without its metadata from its dateline', async () => {
    const bare = await loadLibrary(corpus.dir);
    expect(bare.documentDates.get('article.txt')).toEqual({ date: '2025-07-24', source: 'dateline' });
    const thursday = bare.timeExpressions.find((expression) => bare.documentsByFile.get('article.txt')?.text.slice(expression.start, expression.end) === 'on Thursday');
    expect(thursday?.date).toBe('2025-07-24');
  });
});
