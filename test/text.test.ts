import { describe, expect, it } from 'vitest';
import { normalise, splitSentences, terms, tokenize } from '../src/core/text/text.ts';

describe('normalise and tokenize', () => {
  it('folds case and diacritics', () => {
    expect(terms('Café NAÏVE Ñandú')).toEqual(['cafe', 'naive', 'nandu']);
  });

  it('treats every Unicode dash like a hyphen inside a word', () => {
    for (const dash of ['\u2010', '\u2011', '\u2012', '\u2212', '-']) {
      expect(terms(`al${dash}Hayya`)).toEqual(['al', 'hayya', 'alhayya']);
    }
  });

  it('lets en and em dashes separate words rather than join them', () => {
    expect(terms('sons\u2014Witkoff\u2019s son')).toEqual(['sons', 'witkoff', 'son']);
    expect(terms('talks \u2013 today')).toEqual(['talks', 'today']);
  });

  it('treats no-break and narrow no-break spaces like spaces', () => {
    expect(normalise('Khalil\u202Fal\u2011Hayya')).toBe(normalise('Khalil al-Hayya'));
    expect(terms('Steve\u00A0Witkoff')).toEqual(['steve', 'witkoff']);
  });

  it('drops possessives with straight or curly apostrophes', () => {
    expect(terms("Witkoff's Witkoff\u2019s Hamas\u2019 Hamas'")).toEqual(['witkoff', 'witkoff', 'hamas', 'hamas']);
  });

  it('joins words split by soft hyphens and zero-width spaces', () => {
    expect(terms('nego\u00ADtiation cease\u200Bfire')).toEqual(['negotiation', 'ceasefire']);
  });

  it('folds curly quotes and keeps abbreviations whole', () => {
    expect(normalise('\u201CNo\u201D \u2018yes\u2019')).toBe('"no" \'yes\'');
    expect(terms('the U.S. and the I.D.F.')).toEqual(['the', 'us', 'and', 'the', 'idf']);
  });

  it('gives each token its offsets in the original text', () => {
    const text = 'Khalil\u202Fal\u2011Hayya met Witkoff\u2019s team';
    for (const token of tokenize(text)) {
      expect(normalise(text.slice(token.start, token.end)).replace(/[-'\s]/g, '')).toBe(token.term);
    }
  });

  it('makes a query and a passage meet across typography', () => {
    const passage = new Set(terms('they met with Khalil\u202Fal\u2011Hayya, Hamas\u2019 chief negotiator'));
    for (const term of terms('al-Hayya')) expect(passage.has(term)).toBe(true);
  });
});

describe('splitSentences', () => {
  it('does not end a sentence at a title or an initial', () => {
    const text = 'Several weeks ago, Mr. Trump had declared it. Dr. Who left. David E. Sanger wrote on Oct. 7, 2023, of it.';
    expect(splitSentences(text).map((span) => text.slice(span.start, span.end))).toEqual([
      'Several weeks ago, Mr. Trump had declared it.',
      'Dr. Who left.',
      'David E. Sanger wrote on Oct. 7, 2023, of it.',
    ]);
  });

  it('does not end a sentence at a clock time followed by its day, and does end one before a new sentence', () => {
    const text = 'Tickets go on sale at 10 a.m. Friday, Dec. 6. The doors open at 7 p.m. Guests should arrive early.';
    expect(splitSentences(text).map((span) => text.slice(span.start, span.end))).toEqual([
      'Tickets go on sale at 10 a.m. Friday, Dec. 6.',
      'The doors open at 7 p.m.',
      'Guests should arrive early.',
    ]);
  });

  it('ends sentences inside closing quotation marks', () => {
    const text = '\u201CWe are here,\u201D he said. \u201CNo.\u201D Then he left.';
    expect(splitSentences(text).map((span) => text.slice(span.start, span.end))).toEqual([
      '\u201CWe are here,\u201D he said.',
      '\u201CNo.\u201D',
      'Then he left.',
    ]);
  });
});
