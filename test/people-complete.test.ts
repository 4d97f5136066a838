import { describe, expect, it } from 'vitest';
import { buildNameIndex } from '../src/core/people/name-index.ts';
import { normalise } from '../src/core/text/text.ts';
import { createRandom } from './support/random.ts';

const SYLLABLES = ['ka', 'lo', 'mir', 'an', 'de', 'vi', 'sha', 'ro', 'tu', 'el', 'na', 'bek', 'sa', 'li', 'or', 'ha', 'zu', 'fen', 'da', 'mo'];

/** About as many people as 10,000 news articles name: each with a full name, a surname and "Mr. Surname". */
function generatePeople(count: number): string[][] {
  const random = createRandom(7);
  const word = (syllables: number): string => {
    const letters = Array.from({ length: syllables }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('');
    return letters.charAt(0).toUpperCase() + letters.slice(1);
  };
  return Array.from({ length: count }, () => {
    const surname = word(2 + Math.floor(random() * 2));
    return [`${word(2)} ${surname}`, surname, `Mr. ${surname}`];
  });
}

function percentile(samples: readonly number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

describe('autocomplete over a large people set', () => {
  const people = generatePeople(40_000);
  const index = buildNameIndex(people);

  it('returns prefix matches first, then slips, at most the limit', () => {
    const found = index.complete('kalo', 25);
    expect(found.length).toBe(25);
    const words = (id: number): string[] => (people[id] ?? []).flatMap((name) => normalise(name).split(' '));
    expect(words(found[0] ?? -1).some((word) => word.startsWith('kalo'))).toBe(true);
    expect(found).toEqual([...found].sort((a, b) => a - b));
    const slipped = index.complete('Kalomirx', 25);
    expect(slipped.length).toBeGreaterThan(0);
  });

  it('answers in well under 50 ms a question', () => {
    const partials = ['k', 'ka', 'kal', 'kalomir', 'Mr. Lo', 'shabek', 'Dero Vish', 'zufenda', 'tulisa', 'ormo', 'hazuf', 'Mirande'];
    const samples: number[] = [];
    for (let round = 0; round < 10; round += 1) {
      for (const partial of partials) {
        const started = performance.now();
        index.complete(partial, 25);
        samples.push(performance.now() - started);
      }
    }
    const p50 = percentile(samples, 0.5);
    const p95 = percentile(samples, 0.95);
    console.log(`autocomplete over ${people.length} people: p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${Math.max(...samples).toFixed(2)} ms`);
    expect(p95).toBeLessThan(50);
  });
});
