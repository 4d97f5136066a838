import type { Passage, Quotation } from './types.ts';

/** A span between curly double quotation marks. */
const CURLY_QUOTATION = /“[^“”]+”/gu;

/** A first, simple extractor: every span between curly double quotation marks, without a speaker. */
export function extractQuotations(passages: readonly Passage[]): Quotation[] {
  const quotations: Quotation[] = [];
  for (const passage of passages) {
    if (passage.furniture) continue;
    for (const match of passage.text.matchAll(CURLY_QUOTATION)) {
      const start = passage.start + match.index;
      quotations.push({ file: passage.file, passageId: passage.id, paragraph: passage.paragraph, start, end: start + match[0].length });
    }
  }
  return quotations;
}
