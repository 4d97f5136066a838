import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../src/core/answer/answer.ts';
import { AnswerSchema } from '../src/core/answer/answer-schema.ts';
import { loadLibrary, type Library } from '../src/core/library/library.ts';
import { renderAnswerText } from '../src/render-text.ts';
import { makeTempCorpus, SEED_CORPUS } from './support/corpus-dir.ts';
import { QUOTE_FIXTURES } from './support/quote-evaluation.ts';

let seed: Library;
let fixtures: Library;
beforeAll(async () => {
  [seed, fixtures] = await Promise.all([loadLibrary(SEED_CORPUS), loadLibrary(QUOTE_FIXTURES)]);
});

const exactSlices = (library: Library, command: ReturnType<typeof answer>): void => {
  expect(AnswerSchema.parse(command)).toEqual(command);
  for (const item of command.results) expect(library.documentsByFile.get(item.source.file)?.text.slice(item.start, item.end)).toBe(item.text);
};

describe('/quote', () => {
  it('returns the quotation itself with its marks, its speaker and its citation', () => {
    const found = answer(seed, 'quote', 'burden');
    exactSlices(seed, found);
    expect(found.results[0]).toMatchObject({
      text: '“The hostages have become more of a burden than a leverage tool.”',
      speaker: 'Steve Witkoff',
      paragraph: 8,
      source: { file: '004_597d4e306f2944f8.txt' },
    });
  });

  it('lists what a speaker said, whichever name, surname or slip of it is typed', () => {
    for (const typed of ['Kushner', 'Jared Kushner', 'kushner', 'Kushnr']) {
      const said = answer(seed, 'quote', '', { speaker: typed, limit: 50 });
      exactSlices(seed, said);
      expect(said.results.length).toBeGreaterThanOrEqual(3);
      expect(new Set(said.results.map((item) => item.speaker))).toEqual(new Set(['Jared Kushner']));
    }
  });

  it('narrows by text and speaker together', () => {
    const both = answer(seed, 'quote', 'hostages', { speaker: 'Witkoff', limit: 50 });
    expect(both.results.length).toBeGreaterThan(0);
    for (const item of both.results) {
      expect(item.speaker).toBe('Steve Witkoff');
      expect(item.text.toLowerCase()).toContain('hostage');
    }
    expect(answer(seed, 'quote', 'hostages', { speaker: 'Kushner' }).results.map((item) => item.text)).toEqual([
      'What did Hamas gain by keeping these hostages? You had tens of thousands of Palestinians who were killed in these wars.”',
    ]);
  });

  it('never answers with scare quotes or titles', () => {
    for (const query of ['all or nothing', 'voluntary migration', 'instruct', '60 Minutes', 'good faith']) {
      expect(answer(seed, 'quote', query, { limit: 50 }).results.map((item) => item.text)).not.toContainEqual(expect.stringMatching(/^“?(all or nothing|voluntary migration|instruct|60 Minutes|good faith)/u));
    }
  });

  it('shows a quotation without a speaker when none can be named honestly', () => {
    const [sourced] = answer(seed, 'quote', 'quietly gave permission').results;
    expect(sourced?.text).toMatch(/^“President Trump quietly gave permission/u);
    expect(sourced?.speaker).toBeUndefined();
  });

  it('says clearly when nothing matches, offering the speakers who have quotations, the closest first', () => {
    const none = answer(fixtures, 'quote', 'zeppelin', { speaker: 'Ilves' });
    expect(none.results).toEqual([]);
    expect(none.suggestions?.[0]).toBe('Marta Ilves');
    expect(renderAnswerText(none)).toBe(`No quotation by Ilves in the corpus matches “zeppelin”.\nSpeakers with quotations: ${none.suggestions?.join(', ')}.`);
    const nobody = answer(seed, 'quote', '', { speaker: 'Hamas' });
    expect(nobody.results).toEqual([]);
    expect(nobody.suggestions).toContain('Steve Witkoff');
    expect(renderAnswerText(nobody)).toMatch(/^No quotation by Hamas in the corpus\.\nSpeakers with quotations: .*Steve Witkoff/u);
  });

  it('renders the speaker line under each quotation', () => {
    expect(renderAnswerText(answer(fixtures, 'quote', 'confidence'))).toMatch(/^1\. “Clara has my full confidence,”\n {3}speaker: Henrik Dahl\n {3}— .*wire-budget\.txt$/u);
  });
});

describe('a pronoun never borrows someone else’s name', () => {
  it('leaves "he" without a speaker rather than give it a woman the text called "she", or a group member', async () => {
    const corpus = await makeTempCorpus({
      'story.txt': [
        'Mayor Ines Carvalho defended the response. “Our crews were out all night,” she said.',
        'The council later met Ana Reyes, the mayor’s deputy, and Tom Hale, a union leader. “It was a frank talk,” he said.',
        'Carvalho was unmoved. “We did everything right,” he said.',
      ].join('\n'),
    });
    try {
      const library = await loadLibrary(corpus.dir);
      const speakers = new Map(
        library.quotations.map((quotation) => [library.documentsByFile.get(quotation.file)?.text.slice(quotation.start, quotation.end), quotation.speakerId]),
      );
      expect(speakers.get('“Our crews were out all night,”')).toBe(library.people.find('Ines Carvalho')?.id);
      expect(speakers.has('“It was a frank talk,”')).toBe(true);
      expect(speakers.get('“It was a frank talk,”')).toBeUndefined();
      expect(speakers.has('“We did everything right,”')).toBe(true);
      expect(speakers.get('“We did everything right,”')).toBeUndefined();
    } finally {
      await corpus.remove();
    }
  });
});

describe('/quote over passages where no quotation was recognised', () => {
  it('puts a passage holding the typed words verbatim before quotations that hold them only apart, and reads quotations for stop words', async () => {
    const corpus = await makeTempCorpus({
      'visit.txt': 'Royal visit\n\nThe prince has told friends that the visit to the harbour was a “great success”.',
      'patience.txt': 'Harbour works\n\n“Success in a project like this takes great patience and a great deal of money,” said Mayor Lena Holt.',
      'memory.txt': 'Harbour inquiry\n\n“There was no sign of it,” Mayor Lena Holt said. “And if there was, you have to remember that I was away that year.”',
    });
    try {
      const library = await loadLibrary(corpus.dir);
      const [first, second] = answer(library, 'quote', 'great success').results;
      expect(first).toMatchObject({ passage: true, source: { file: 'visit.txt' } });
      expect(second).toMatchObject({ speaker: 'Lena Holt', source: { file: 'patience.txt' } });
      expect(answer(library, 'quote', 'success patience').results[0]?.source.file).toBe('patience.txt');
      // Nothing but stop words, which the index leaves out: the quotations are read for them word for word.
      expect(answer(library, 'quote', 'And if there was, you have').results.map((result) => result.text)).toEqual([
        '“And if there was, you have to remember that I was away that year.”',
      ]);
    } finally {
      await corpus.remove();
    }
  });
});
