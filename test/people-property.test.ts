import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPassages } from '../src/core/corpus/passages.ts';
import { passageNames } from '../src/core/people/credit-lines.ts';
import { buildPeopleIndex } from '../src/core/people/people.ts';
import type { Passage, SourceDocument } from '../src/core/types.ts';

/** Sentences (or, without a full stop, lines of page furniture) made of news-like names, titles, particles, credits, typographic marks and arbitrary Unicode. */
const paragraphArbitrary = (): fc.Arbitrary<string> => {
  const pieces = fc.constantFrom(
    'Mr.', 'Ms', 'Dr.', 'President', 'Prime Minister', 'Grace Okafor', 'Steve Witkoff', 'Yocheved Lifshitz', 'Khalil', 'al‑Hayya', 'van der', 'Berg', 'Okafor’s', 'O’Brien', 'Jae-myung', 'Lee',
    'the', 'in', 'said', 'told', ',', ', 86,', 'a peace activist', 'the finance minister', '(also spelled', 'al‑Khaya)', 'and', 'U.S.', 'NBC News',
    '\u202F', '\u2011', '—', '“', '”', 'Hamas-led', 'E.', 'Jr.', 'He', 'She',
    'By', 'Contributing:', 'TAVISH MORROWAY', 'IS THE', 'reports on', 'MD', 'PhD', 'She’s the director of', '\u00AD', 'J.J.',
  );
  return fc
    .array(fc.oneof({ arbitrary: pieces, weight: 8 }, { arbitrary: fc.string({ maxLength: 6 }), weight: 1 }, { arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }), weight: 1 }), {
      minLength: 1,
      maxLength: 30,
    })
    .chain((parts) => fc.constantFrom('.', '').map((end) => `${parts.join(' ')}${end}`));
};

function documentOf(paragraphs: readonly string[]): SourceDocument {
  const text = paragraphs.join('\n');
  return { file: 'generated.txt', text, bodyStart: 0, format: 'text', meta: {}, bytes: text.length };
}

describe('the people index on arbitrary text', () => {
  it('never fails, and every mention and description lies inside a body passage or a byline of its file', () => {
    let mentions = 0;
    fc.assert(
      fc.property(fc.array(paragraphArbitrary(), { minLength: 1, maxLength: 6 }), (paragraphs) => {
        const document = documentOf(paragraphs);
        const passages = splitPassages(document, 0);
        const people = buildPeopleIndex(passages);
        const inside = (passageId: number, start: number, end: number): boolean => {
          const passage: Passage | undefined = passages[passageId];
          const read = passage !== undefined && (!passage.furniture || passageNames(passage).length > 0);
          return read && passage.start <= start && start < end && end <= passage.end;
        };
        for (const person of people.people) {
          expect(person.name.trim()).not.toBe('');
          for (const mention of people.mentionsOf(person.id)) expect(inside(mention.passageId, mention.start, mention.end)).toBe(true);
          mentions += person.mentionCount;
          for (const description of people.descriptionsOf(person.id)) expect(inside(description.passageId, description.start, description.end)).toBe(true);
          expect(people.lookup(person.name)).toContain(person);
        }
        expect(people.complete('', 25).length).toBeLessThanOrEqual(25);
      }),
      { numRuns: 300 },
    );
    // The generator must reach the index's paths, not only its "no one here" answer.
    expect(mentions).toBeGreaterThan(100);
  });
});
