import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../src/core/library/library.ts';
import { classifyFurniture, MAX_PASSAGE_CHARS, splitPassages } from '../src/core/corpus/passages.ts';
import type { SourceDocument } from '../src/core/types.ts';
import { SEED_CORPUS } from './support/corpus-dir.ts';

const documentOf = (text: string, format: SourceDocument['format'] = 'text'): SourceDocument => ({
  file: 'doc.txt',
  text,
  bodyStart: 0,
  format,
  meta: {},
  bytes: text.length,
});

describe('splitPassages', () => {
  it('numbers the non-empty lines of a text file from 1, and keeps exact offsets', () => {
    const text = 'Menu\n\nFirst sentence here.\r\n  Second one, indented.  \n';
    const passages = splitPassages(documentOf(text), 10);
    expect(passages.map((passage) => [passage.id, passage.paragraph, passage.text])).toEqual([
      [10, 1, 'Menu'],
      [11, 2, 'First sentence here.'],
      [12, 3, 'Second one, indented.'],
    ]);
    for (const passage of passages) expect(text.slice(passage.start, passage.end)).toBe(passage.text);
  });

  it('separates Markdown paragraphs by blank lines, after the front matter', () => {
    const text = '---\ntitle: x\n---\nA wrapped\nparagraph.\n\n\nNext paragraph.\n';
    const document = { ...documentOf(text, 'markdown'), bodyStart: text.indexOf('A wrapped') };
    expect(splitPassages(document, 0).map((passage) => [passage.paragraph, passage.text])).toEqual([
      [1, 'A wrapped\nparagraph.'],
      [2, 'Next paragraph.'],
    ]);
  });

  it('cuts long paragraphs at sentence boundaries, every piece under the limit', () => {
    const sentence = 'Mr. Smith said the talks in Doha would continue for several more days at least. ';
    const text = sentence.repeat(30).trim();
    const passages = splitPassages(documentOf(text), 0);
    expect(passages.length).toBeGreaterThan(1);
    for (const passage of passages) {
      expect(passage.paragraph).toBe(1);
      expect(passage.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      expect(passage.text).toMatch(/^Mr\. Smith.*\.$/);
      expect(text.slice(passage.start, passage.end)).toBe(passage.text);
    }
  });
});

describe('classifyFurniture', () => {
  it.each([
    ['Sections', 'navigation'],
    ['Follow Example News', 'navigation'],
    ['Image', 'navigation'],
    ['© 2031 Some Media Group, LLC', 'copyright'],
    ['Copyright 2024 The Daily Example. All rights reserved.', 'copyright'],
    ['Minister resigns over budget row, sources say - The Daily Example', 'link-headline'],
    ['Talks stall again as envoy leaves Cairo | Example Times', 'link-headline'],
    ['Envoys head to Cairo to finalize truce: report', 'link-headline'],
    ['Certainly! Could you share the article you want summarised?', 'assistant-reply'],
    ['As an AI language model, I cannot browse the web.', 'assistant-reply'],
    ['The initial agreement, declared', 'navigation'],
    ['The committee, which had met twice before in the capital, was then', 'fragment'],
    ['Why This Matters For The Region', 'heading'],
    ['Markets. World News. U.S. Politics. Opinion and Analysis', 'heading'],
    ['“Star Wars: The Rise of Skywalker”', 'heading'],
  ])('%s → %s', (text, kind) => {
    expect(classifyFurniture(text)).toBe(kind);
  });

  it.each([
    'He was 84.',
    'Sure enough, the vote passed on Tuesday.',
    '“Absolutely, and I thought to myself, I wish the world could’ve seen it,” he said.',
    'Even as the disclosures impress, they’re fraught with risk:',
    'The hostages have become more of a burden than a leverage tool.” — Steve Witkoff.',
    '“Could anyone have seen the flood coming? ”',
    'The choir sang at the harbour festival on Saturday! 🙂',
    'Our crew rowed the whole course in the rain. 👏🏽',
    '“It really does not fit the world of supply chains. And we are talking to a lot of businesses. ”',
    'He dropped out after two years and soon wrote his first novel. A publisher took it in 1980.*',
    '“Had he stayed with that world, he would have been the best of them all.” — Jo Roe',
    '“Their immune system behaves in an exaggerated fashion, like a fire alarm”',
    'Voters are tired of the inquiry and want it over. In the final scene the hero is stretched, drawn and tortured before a crowd',
  ])('keeps body text: %s', (text) => {
    expect(classifyFurniture(text)).toBeUndefined();
  });
});

describe('the seed corpus', () => {
  it('keeps furniture in the Library but out of the index', async () => {
    const library = await loadLibrary(SEED_CORPUS);
    const furniture = library.passages.filter((passage) => passage.furniture);
    const texts = furniture.map((passage) => passage.text);
    expect(texts).toContain('Image');
    expect(texts.some((text) => /^©\s2025 NBCUniversal/u.test(text))).toBe(true);
    expect(texts).toContain('Sure! Could you please provide the text you would like me to rewrite for you?');
    expect(texts.some((text) => text.endsWith('| Middle East Eye'))).toBe(true);
    for (const passage of furniture) expect(library.index.has(passage.id)).toBe(false);
    const body = library.passages.filter((passage) => !passage.furniture);
    expect(body.length).toBeGreaterThan(90);
    for (const passage of body) expect(library.index.has(passage.id)).toBe(true);
  });
});
