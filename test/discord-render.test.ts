import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Highlight, Result } from '../src/core/answer/answer-schema.ts';
import { excerptWindow, renderExcerpt } from '../src/discord/excerpt.ts';
import { EXCERPT_MAX_CHARS, paginateEmbeds, renderAnswer, renderResult } from '../src/discord/render-answer.ts';
import { expectSendable, shownText } from './support/discord-checks.ts';

const resultOf = (text: string, extra: Partial<Result> = {}): Result => ({
  text,
  source: { file: 'news/article.txt', title: 'Talks resume', publisher: 'Wire', date: '2025-07-24' },
  paragraph: 4,
  score: 1,
  ...extra,
});

/** Highlights of every occurrence of `word` in `text`. */
function highlightsOf(text: string, word: string): Highlight[] {
  return [...text.matchAll(new RegExp(word, 'gu'))].map((match) => ({ start: match.index, end: match.index + word.length }));
}

/** Text with markdown, mentions and line starts that Discord would otherwise interpret; no URLs. */
const corpusText = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.constantFrom('*', '**', '_', '__', '~~', '||', '`', '```', '\\', '# ', '- ', '1. ', '[a](b)', '>', '@everyone', '<@123>', '\n', ' ', '…'), fc.string({ maxLength: 12 })), { maxLength: Math.floor(maxLength / 6), size: 'large' })
    .map((parts) => parts.join('').replaceAll(':', ''));

/** Sorted, disjoint highlights inside `text` that start and end on a visible character, as the core's tokens do. */
const withHighlights = (maxLength: number): fc.Arbitrary<{ text: string; highlights: Highlight[] }> =>
  corpusText(maxLength).chain((text) =>
    fc.uniqueArray(fc.nat({ max: Math.max(text.length, 1) }), { maxLength: 8 }).map((cuts) => {
      const sorted = cuts.filter((cut) => cut <= text.length).sort((a, b) => a - b);
      const highlights: Highlight[] = [];
      for (let index = 0; index + 1 < sorted.length; index += 2) {
        let [start, end] = [sorted[index] ?? 0, sorted[index + 1] ?? 0];
        while (start < end && /\s/u.test(text[start] ?? '')) start += 1;
        while (end > start && /\s/u.test(text[end - 1] ?? '')) end -= 1;
        if (end > start) highlights.push({ start, end });
      }
      return { text, highlights };
    }),
  );

describe('excerpts', () => {
  it('shows a short excerpt whole, its matches in bold', () => {
    const text = 'Witkoff met Witkoff’s team.';
    expect(renderExcerpt(text, highlightsOf(text, 'Witkoff'), 100)).toBe('**Witkoff** met **Witkoff**’s team.');
  });

  it('escapes markdown, mentions and runs of markers, so Discord shows the text as written', () => {
    const text = '*Note*: __a__ ~~b~~ ||c|| `d` [e](f) <@123> @everyone \\ ****\n- g\n12. h';
    const rendered = renderExcerpt(text, [], 500);
    expect(rendered).toBe('\\*Note\\*: \\_\\_a\\_\\_ \\~\\~b\\~\\~ \\|\\|c\\|\\| \\`d\\` \\[e\\](f) \\<@123\\> @everyone \\\\ \\*\\*\\*\\*\n\\- g\n12\\. h');
    expect(shownText(rendered)).toBe(text);
  });

  it('leaves URLs as written, since Discord does', () => {
    expect(renderExcerpt('See https://example.com/a_b*c now_', [], 500)).toBe('See https://example.com/a_b*c now\\_');
  });

  it('windows a long excerpt around its first match, cutting at spaces, with … outside the text', () => {
    const text = `${'lead words '.repeat(60)}the envoy Witkoff said ${'more words '.repeat(60)}`.trim();
    const highlights = highlightsOf(text, 'Witkoff');
    const window = excerptWindow(text, highlights, 200);
    const shown = text.slice(window.start, window.end);
    expect(shown.length).toBeLessThanOrEqual(200);
    expect(shown).toContain('Witkoff');
    expect(shown).toMatch(/^\S.*\S$/u);
    expect([' ', undefined]).toContain(text[window.start - 1]);
    expect([' ', undefined]).toContain(text[window.end]);
    const rendered = renderExcerpt(text, highlights, 200);
    expect(rendered).toMatch(/^… .*\*\*Witkoff\*\*.* …$/u);
  });

  it('keeps the shown window an exact substring, whatever the text and highlights', () => {
    fc.assert(
      fc.property(withHighlights(1500), fc.integer({ min: 20, max: 900 }), ({ text, highlights }, max) => {
        const window = excerptWindow(text, highlights, max);
        expect(window.end - window.start).toBeLessThanOrEqual(max);
        const rendered = renderExcerpt(text, highlights, max);
        const shown = shownText(rendered);
        const body = shown.slice(window.start > 0 ? 2 : 0, window.end < text.length ? shown.length - 2 : shown.length);
        expect(body).toBe(text.slice(window.start, window.end));
        const first = highlights[0];
        if (first && first.end - first.start <= max / 2) expect(window.start <= first.start && first.end <= window.end).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('answers as embeds', () => {
  it('cites each excerpt in the footer, and shows the speaker and the time expression', () => {
    const embed = renderResult(resultOf('“No deal,” he said.', { speaker: 'Steve Witkoff', when: { text: 'on Sunday', date: '2025-07-20' } }));
    expect(embed.footer?.text).toBe('Talks resume · Wire · 2025-07-24 · ¶4 · news/article.txt');
    expect(embed.fields).toEqual([
      { name: 'Speaker', value: 'Steve Witkoff', inline: true },
      { name: 'When', value: 'on Sunday (2025-07-20)', inline: true },
    ]);
  });

  it('pages many results and keeps every page within Discord limits', () => {
    fc.assert(
      fc.property(fc.array(withHighlights(3000), { minLength: 1, maxLength: 25 }), corpusText(400), (items, query) => {
        const answer: Answer = { command: 'who', query, results: items.filter(({ text }) => text !== '').map(({ text, highlights }) => resultOf(text, { highlights })) };
        const pages = renderAnswer(answer);
        expect(pages.length).toBeGreaterThan(0);
        for (const page of pages) expectSendable({ ...page, allowed_mentions: { parse: [] } });
        expect(pages.reduce((sum, page) => sum + page.embeds.length, 0)).toBe(answer.results.length);
      }),
      { numRuns: 100 },
    );
  });

  it('starts a new page when the next embed would pass 6000 characters', () => {
    const big = { description: 'x'.repeat(3500) };
    expect(paginateEmbeds([big, big, { description: 'y' }], 5).map((page) => page.length)).toEqual([1, 2]);
  });

  it('numbers what each page shows', () => {
    const answer: Answer = { command: 'when', query: 'talks', results: Array.from({ length: 7 }, (_, index) => resultOf(`Talks ${index}.`)) };
    expect(renderAnswer(answer).map((page) => page.content)).toEqual(['**/when** talks · 1–5 of 7 · page 1 of 2', '**/when** talks · 6–7 of 7 · page 2 of 2']);
  });

  it('heads a /who answer with the person as the corpus names them, escaped', () => {
    const answer: Answer = {
      command: 'who',
      query: 'Roe',
      person: { name: 'Jane *Roe*', aliases: ['Roe', 'Ms. Roe'], roles: ['envoy'] },
      results: [resultOf('The envoy Jane *Roe* arrived.')],
    };
    const [page] = renderAnswer(answer);
    expect(page?.content).toBe('**/who** Roe · 1 of 1\nJane \\*Roe\\* — envoy\nalso: Roe, Ms. Roe');
  });

  it('shows the document\'s date when a /when passage names no time of its own', () => {
    const embed = renderResult(resultOf('Talks resumed.', { documentDate: { date: '2025-07-24', source: 'dateline' } }));
    expect(embed.fields).toEqual([{ name: 'When', value: 'not said here; the document is dated 2025-07-24 (from its dateline)', inline: true }]);
  });

  it('says when nothing was found and offers the suggestions, escaped', () => {
    const [page] = renderAnswer({ command: 'who', query: 'Hu*kabey', results: [], suggestions: ['Huckabee', 'Hu_ck'] });
    expect(page).toEqual({ content: 'No one called “Hu\\*kabey” is in the corpus.\nDid you mean: Huckabee, Hu\\_ck?', embeds: [] });
  });

  it('never shows more than the excerpt budget of corpus text', () => {
    const text = 'word '.repeat(1000).trim();
    const description = renderResult(resultOf(text)).description ?? '';
    expect(shownText(description).length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS + 4);
  });
});
