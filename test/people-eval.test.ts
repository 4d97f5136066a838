import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../src/core/answer.ts';
import { loadLibrary, type Library } from '../src/core/library.ts';
import { foldText } from '../src/core/text.ts';
import { SEED_CORPUS } from './support/corpus-dir.ts';

/**
 * The labelled evaluation of the people index and /who (README, "/who"):
 * articles written for it in test/fixtures/people plus questions over the
 * seed corpus. It prints the two figures the README reports.
 */
const FIXTURES = fileURLToPath(new URL('./fixtures/people', import.meta.url));

interface Question {
  corpus: 'fixtures' | 'seed';
  query: string;
  person: string;
  describes: string[];
}

interface MentionLabel {
  file: string;
  text: string;
  occurrence?: number;
  person: string | null;
}

interface Labels {
  questions: Question[];
  mentions: MentionLabel[];
  seedMentions: MentionLabel[];
}

let labels: Labels;
let libraries: Record<Question['corpus'], Library>;

beforeAll(async () => {
  labels = JSON.parse(await readFile(`${FIXTURES}/labels.json`, 'utf8')) as Labels;
  const [fixtures, seed] = await Promise.all([loadLibrary(FIXTURES), loadLibrary(SEED_CORPUS)]);
  libraries = { fixtures, seed };
});

/** Whether the first /who result names the expected person and describes them. */
function firstResultDescribes(question: Question): boolean {
  const answered = answer(libraries[question.corpus], 'who', question.query);
  const [first] = answered.results;
  const text = first ? foldText(first.text).folded : '';
  return answered.person?.name === question.person && question.describes.some((phrase) => text.includes(foldText(phrase).folded));
}

/**
 * Where the labelled occurrence is in its file. Labels are matched folded, so
 * a label typed with plain spaces and hyphens finds "Donald Trump" (U+202F).
 */
function locate(library: Library, label: MentionLabel): { start: number; end: number } {
  const { folded, origin } = foldText(library.documentsByFile.get(label.file)?.text ?? '');
  const wanted = foldText(label.text).folded;
  let at = -1;
  for (let seen = 0; seen < (label.occurrence ?? 1); seen += 1) at = folded.indexOf(wanted, at + 1);
  if (at < 0) throw new Error(`label not found: ${label.file} "${label.text}"`);
  return { start: origin[at] ?? 0, end: origin[at + wanted.length] ?? 0 };
}

/** Whether the labelled occurrence resolves to the expected person, or to no one for an organisation or a place. */
function resolvesAsLabelled(library: Library, label: MentionLabel): boolean {
  const { start, end } = locate(library, label);
  const overlapping = library.people.mentionsIn(label.file).filter((mention) => mention.start < end && mention.end > start);
  const names = overlapping.map((mention) => library.people.people[mention.personId]?.name);
  if (label.person === null) return names.length === 0 && library.people.lookup(label.text).length === 0;
  return names.includes(label.person);
}

function share(passed: number, total: number): string {
  return `${passed}/${total} = ${(passed / total).toFixed(3)}`;
}

describe('the labelled /who evaluation', () => {
  it('answers most /who questions with a first result that describes the person', () => {
    const failed = labels.questions.filter((question) => !firstResultDescribes(question));
    const passed = labels.questions.length - failed.length;
    console.log(`/who first result describes the person: ${share(passed, labels.questions.length)}`);
    if (failed.length > 0) console.log(`  missed: ${failed.map((question) => `${question.corpus}:${question.query}`).join('; ')}`);
    expect(passed / labels.questions.length).toBeGreaterThanOrEqual(0.9);
  });

  it('resolves most labelled mentions and aliases to the right person, and organisations and places to no one', () => {
    const all = [
      ...labels.mentions.map((label) => ({ label, library: libraries.fixtures })),
      ...labels.seedMentions.map((label) => ({ label, library: libraries.seed })),
    ];
    const failed = all.filter(({ label, library }) => !resolvesAsLabelled(library, label));
    const passed = all.length - failed.length;
    console.log(`alias resolution: ${share(passed, all.length)}`);
    if (failed.length > 0) console.log(`  missed: ${failed.map(({ label }) => `${label.file}:"${label.text}"`).join('; ')}`);
    expect(passed / all.length).toBeGreaterThanOrEqual(0.9);
  });
});
