import { spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { answer, type CommandName } from '../src/core/answer/answer.ts';
import type { Library } from '../src/core/library/library.ts';
import { buildLibraryInWorker, type BuildReport } from '../src/library-build.ts';
import { createLogger } from '../src/logger.ts';
import { showProgress } from '../src/progress.ts';
import { generateCorpus } from './generate-corpus.ts';

/**
 * `npm run bench [-- --sizes 1000,10000] [--json FILE]`: for the seed corpus
 * and generated corpora of growing size, times the cold build, the warm start
 * from the cache and the reloads after one changed, added and removed file
 * (all built in the worker, as the bot builds), then questions and
 * autocomplete, and the same queries on plain minisearch over the same
 * passages. Each size runs in its own process, so that peak RSS is its own.
 * It reports figures; the tests assert behaviour.
 */
const SEED = fileURLToPath(new URL('../corpus', import.meta.url));
const ROUNDS = 50;

const QUESTIONS: ReadonlyArray<[CommandName, string, string?]> = [
  ['who', 'finance minister'],
  ['when', 'six-week ceasefire ended'],
  ['when', 'teams recalled'],
  ['quote', 'burden'],
];
const PARTIALS = ['W', 'Wit', 'Kush', 'net', 'Hadd', 'Le', 'Smotrik'];

interface Timing {
  p50: number;
  p99: number;
}

interface BuildFigures {
  ms: number;
  /** Longest the event loop waited while the build ran. */
  maxDelayMs: number;
  transferMs: number;
  indexMs: number;
  reused: number;
  analysed: number;
}

export interface SizeFigures {
  label: string;
  documents: number;
  passages: number;
  people: number;
  quotations: number;
  cold: BuildFigures;
  warm: BuildFigures & { firstAnswerMs: number };
  changed: BuildFigures;
  added: BuildFigures;
  removed: BuildFigures;
  peakRssMb: number;
  questions: { question: string; verbatim: Timing; plain: Timing; ratio: number }[];
  autocomplete: Timing;
  plainIndexMs: number;
}

function percentiles(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

function timeRounds(work: () => unknown, rounds = ROUNDS): Timing {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return percentiles(samples);
}

async function timedBuild(directory: string, cacheDir: string): Promise<[BuildReport, BuildFigures]> {
  const display = showProgress(createLogger('warn'));
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  try {
    const report = await buildLibraryInWorker({ directory, cacheDir }, (progress) => display.update(progress));
    const ms = performance.now() - started;
    delay.disable();
    const { reused, analysed } = report.cache;
    return [report, { ms, maxDelayMs: delay.max / 1e6, transferMs: report.transferMs, indexMs: report.indexMs, reused, analysed }];
  } finally {
    display.stop();
  }
}

/** The questions asked at every size, with /who and /quote about the corpus's most-mentioned person, who exists at every size. */
function questionsFor(library: Library): ReadonlyArray<[CommandName, string, string?]> {
  const [mostMentioned] = library.people.complete('', 1);
  return mostMentioned ? [['who', mostMentioned.name], ...QUESTIONS, ['quote', '', mostMentioned.name]] : QUESTIONS;
}

/** Plain minisearch, default tokeniser and options, over the same body passages: the yardstick the issue asks for. */
function plainIndex(library: Library): [MiniSearch, number] {
  const started = performance.now();
  const index = new MiniSearch({ fields: ['text'] });
  index.addAll(library.passages.filter((passage) => !passage.furniture).map(({ id, text }) => ({ id, text })));
  return [index, performance.now() - started];
}

async function measureSize(label: string, directory: string): Promise<SizeFigures> {
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'verbatim-bench-cache-'));
  try {
    const [, cold] = await timedBuild(directory, cacheDir);
    const [warmReport, warmBuild] = await timedBuild(directory, cacheDir);
    const library = warmReport.library;
    const firstStarted = performance.now();
    answer(library, 'who', library.people.people[0]?.name ?? 'Witkoff');
    const warm = { ...warmBuild, firstAnswerMs: warmBuild.ms + performance.now() - firstStarted };

    const [first] = library.documents;
    const firstPath = path.join(directory, first?.file ?? '');
    const original = await readFile(firstPath, 'utf8');
    await writeFile(firstPath, `${original}The mediator Ysolde Brankovic arrived in Doha on Tuesday.\n`);
    const [, changed] = await timedBuild(directory, cacheDir);
    const addedPath = path.join(directory, 'bench-added.txt');
    await writeFile(addedPath, 'The envoy Orrin Vasquez said on Monday that the talks would resume.\n');
    const [, added] = await timedBuild(directory, cacheDir);
    await rm(addedPath);
    await rm(firstPath);
    const [, removed] = await timedBuild(directory, cacheDir);
    await writeFile(firstPath, original);

    const [plain, plainIndexMs] = plainIndex(library);
    const questions = questionsFor(library).map(([command, query, speaker]) => {
      const verbatim = timeRounds(() => answer(library, command, query, speaker ? { speaker } : {}));
      const plainTiming = timeRounds(() => plain.search(query || speaker || '', { prefix: true, fuzzy: 0.2 }));
      return { question: `/${command} ${query}${speaker ? ` speaker:${speaker}` : ''}`.trim(), verbatim, plain: plainTiming, ratio: verbatim.p99 / Math.max(plainTiming.p99, 0.001) };
    });
    const autocompleteSamples: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const partial of PARTIALS) {
        const started = performance.now();
        library.people.complete(partial, 25);
        autocompleteSamples.push(performance.now() - started);
      }
    }
    return {
      label,
      documents: library.documents.length,
      passages: library.passages.length,
      people: library.people.people.length,
      quotations: library.quotations.length,
      cold,
      warm,
      changed,
      added,
      removed,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      questions,
      autocomplete: percentiles(autocompleteSamples),
      plainIndexMs,
    };
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}

/** One size, in this process: generates the corpus (unless the seed), measures, appends the figures as one JSON line to `out`. */
async function runOne(size: string, out: string): Promise<void> {
  if (size === 'seed') {
    await appendFile(out, `${JSON.stringify(await measureSize('seed', SEED))}\n`);
    return;
  }
  const directory = await mkdtemp(path.join(tmpdir(), 'verbatim-bench-'));
  try {
    await generateCorpus(SEED, directory, Number(size));
    await appendFile(out, `${JSON.stringify(await measureSize(`${Number(size).toLocaleString('en')} articles`, directory))}\n`);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

const ms = (value: number): string => (value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(value < 10 ? 2 : 0)} ms`);

function printTables(figures: readonly SizeFigures[]): void {
  console.log('| corpus | documents | passages | people | quotations | cold build | warm start (first answer) | reload: 1 changed / 1 added / 1 removed | longest event-loop wait while building | peak RSS |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const size of figures) {
    const longest = Math.max(size.cold.maxDelayMs, size.warm.maxDelayMs, size.changed.maxDelayMs, size.added.maxDelayMs, size.removed.maxDelayMs);
    console.log(
      `| ${size.label} | ${size.documents.toLocaleString('en')} | ${size.passages.toLocaleString('en')} | ${size.people.toLocaleString('en')} | ${size.quotations.toLocaleString('en')} | ${ms(size.cold.ms)} | ${ms(size.warm.firstAnswerMs)} | ${ms(size.changed.ms)} / ${ms(size.added.ms)} / ${ms(size.removed.ms)} | ${ms(longest)} | ${size.peakRssMb.toFixed(0)} MB |`,
    );
  }
  console.log('');
  console.log(`| question: p50 / p99 (plain minisearch p99, ratio) | ${figures.map((size) => size.label).join(' | ')} |`);
  console.log(`| --- | ${figures.map(() => '---').join(' | ')} |`);
  const questions = figures[figures.length - 1]?.questions ?? [];
  questions.forEach((_question, position) => {
    const cells = figures.map((size) => {
      const row = size.questions[position];
      return row ? `${ms(row.verbatim.p50)} / ${ms(row.verbatim.p99)} (${ms(row.plain.p99)}, ×${row.ratio.toFixed(2)})` : '—';
    });
    const name = position === 0 ? '/who the most-mentioned person' : position === questions.length - 1 ? '/quote speaker: the most-mentioned person' : (questions[position]?.question ?? '');
    console.log(`| \`${name}\` | ${cells.join(' | ')} |`);
  });
  console.log(`| autocomplete, 25 names | ${figures.map((size) => `${ms(size.autocomplete.p50)} / ${ms(size.autocomplete.p99)}`).join(' | ')} |`);
}

function parseArgs(argv: readonly string[]): { sizes: string[]; json?: string; one?: string; out?: string } {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const sizes = (value('--sizes') ?? '1000,10000').split(',').filter((size) => /^\d+$/u.test(size));
  const json = value('--json');
  const one = value('--one');
  const out = value('--out');
  return { sizes: ['seed', ...sizes], ...(json ? { json } : {}), ...(one ? { one } : {}), ...(out ? { out } : {}) };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.one && args.out) {
    await runOne(args.one, args.out);
    return;
  }
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}`);
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'verbatim-bench-out-')), 'figures.jsonl');
  await writeFile(out, '');
  for (const size of args.sizes) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--one', size, '--out', out], { stdio: 'inherit' });
    if (child.status !== 0) console.error(`size ${size}: the measuring process failed (status ${child.status}, signal ${child.signal})`);
  }
  const figures = (await readFile(out, 'utf8')).split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as SizeFigures);
  await rm(path.dirname(out), { recursive: true, force: true });
  printTables(figures);
  if (args.json) await writeFile(args.json, `${JSON.stringify({ node: process.version, figures }, null, 2)}\n`);
}

await main();
