import { describe, expect, it } from 'vitest';
import { findMarkedSpans } from '../src/core/quotes/quote-marks.ts';

const spanTexts = (text: string): string[] => findMarkedSpans(text).map((span) => text.slice(span.start, span.end));

describe('findMarkedSpans', () => {
  it('pairs curly and straight double marks, several sentences in one span', () => {
    expect(spanTexts('“No deals. That doesn’t work,” Witkoff said. "We are done."')).toEqual(['“No deals. That doesn’t work,”', '"We are done."']);
  });

  it('keeps single marks inside a double-quoted span as a nested quotation', () => {
    const text = `"My mentor told me, 'You will never be rich.' She was right," said Demir.`;
    expect(spanTexts(text)).toEqual([`"My mentor told me, 'You will never be rich.' She was right,"`]);
  });

  it('starts a span whose opening mark was lost at the paragraph, or the first sentence after the last span', () => {
    expect(findMarkedSpans('I think we were able to convince people.” — Witkoff.')).toEqual([{ start: 0, end: 41, opened: false, closed: true }]);
    expect(spanTexts('“First,” she said. Then the second part.” — Jones.')).toEqual(['“First,”', 'Then the second part.”']);
  });

  it('leaves a span open to the paragraph end when its closing mark does not come', () => {
    expect(findMarkedSpans('“The water came in. It did not stop.')).toEqual([{ start: 0, end: 36, opened: true, closed: false }]);
  });

  it('reads two single marks as one double mark, as wire copy closes quotations', () => {
    expect(spanTexts('“It was an attempt to mislead voters,’’ Dana Holt told the BBC. ``We will appeal.\'\'')).toEqual(['“It was an attempt to mislead voters,’’', "``We will appeal.''"]);
  });

  it('reads a mark turned the wrong way by what stands beside it', () => {
    expect(spanTexts('He said ”enough” and left.')).toEqual(['”enough”']);
  });

  it('reads single marks as quotation marks where they open after a space and close before punctuation', () => {
    expect(spanTexts('‘We won’t give up,’ said Tamsin Orrell. ‘Not now.’')).toEqual(['‘We won’t give up,’', '‘Not now.’']);
    expect(spanTexts("'It was the best day of my life,' Orrell said.")).toEqual(["'It was the best day of my life,'"]);
  });

  it('tells apostrophes from single marks: inside a word, an elided year, a plural possessive', () => {
    expect(spanTexts('Orrell’s boat didn’t sink in the ’90s storm.')).toEqual([]);
    expect(spanTexts("The sailors' union met in the '80s.")).toEqual([]);
    expect(spanTexts('‘The crew’s spirit is good,’ said the sailors’ coach.')).toEqual(['‘The crew’s spirit is good,’']);
    expect(spanTexts('‘The sailors’ union will decide,’ she said.')).toEqual(['‘The sailors’ union will decide,’']);
  });

  it('leaves a single mark that never closes alone', () => {
    expect(spanTexts('‘Rock and roll is here, he said')).toEqual([]);
  });

  it('keeps double marks inside a single-quoted span as its nested quotation', () => {
    const text = '‘She called it “a disgrace”, and she was right,’ said Orrell.';
    expect(spanTexts(text)).toEqual(['‘She called it “a disgrace”, and she was right,’']);
  });
});
