import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { answer, type CommandName } from '../src/core/answer/answer.ts';
import { loadLibrary, type Library } from '../src/core/library/library.ts';
import { generateCorpus } from './generate-corpus.ts';

/**
 * `npm run bench`: builds Libraries from the seed corpus and from generated
 * corpora of growing size, then times questions and autocomplete. It reports
 * figures; the tests assert behaviour.
 */
const SEED = fileURLToPath(new URL('../corpus', import.meta.url));
const SIZES = (process.argv[2] ?? '1000,10000').split(',').map(Number);

const QUESTIONS: ReadonlyArray<[CommandName, string, string?]> = [
  ['who', 'Witkoff'],
  ['who', 'finance minister'],
  ['when', 'six-week ceasefire ended'],
  ['when', 'teams recalled'],
  ['quote', 'burden'],
  ['quote', '', 'Kushner'],
];

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

function time<T>(work: () => T): [T, number] {
  const started = performance.now();
  const value = work();
  return [value, performance.now() - started];
}

/** The fixed questions, plus /who and /quote about the corpus's most-mentioned person, who exists at every size. */
function questionsFor(library: Library): ReadonlyArray<[CommandName, string, string?]> {
  const [mostMentioned] = library.people.complete('', 1);
  return mostMentioned ? [...QUESTIONS, ['who', mostMentioned.name], ['quote', '', mostMentioned.name]] : QUESTIONS;
}

function measureQuestions(library: Library, rounds: number): string[] {
  return questionsFor(library).map(([command, query, speaker]) => {
    const samples: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      samples.push(time(() => answer(library, command, query, speaker ? { speaker } : {}))[1]);
    }
    return `  /${command} ${query}${speaker ? ` speaker:${speaker}` : ''}: p50 ${percentile(samples, 0.5).toFixed(2)} ms, p95 ${percentile(samples, 0.95).toFixed(2)} ms`;
  });
}

function measureAutocomplete(library: Library, rounds: number): string {
  const partials = ['W', 'Wit', 'Kush', 'net', 'Hadd', 'Le', 'Smotrik'];
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const partial of partials) samples.push(time(() => library.people.complete(partial, 25))[1]);
  }
  return `  autocomplete (25 names): p50 ${percentile(samples, 0.5).toFixed(3)} ms, p95 ${percentile(samples, 0.95).toFixed(3)} ms, max ${Math.max(...samples).toFixed(3)} ms`;
}

async function report(label: string, directory: string): Promise<void> {
  const started = performance.now();
  const library = await loadLibrary(directory);
  const buildMs = performance.now() - started;
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
  console.log(
    `${label}: ${library.documents.length} documents, ${library.passages.length} passages, ${library.people.people.length} people, ${library.quotations.length} quotations`,
  );
  console.log(`  load + build: ${(buildMs / 1000).toFixed(2)} s, heap ${heapMb.toFixed(0)} MB`);
  for (const line of measureQuestions(library, 30)) console.log(line);
  console.log(measureAutocomplete(library, 30));
}

async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}`);
  await report('seed corpus', SEED);
  for (const size of SIZES) {
    const directory = await mkdtemp(path.join(tmpdir(), 'verbatim-bench-'));
    try {
      await generateCorpus(SEED, directory, size);
      await report(`generated corpus of ${size} articles`, directory);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }
}

await main();
