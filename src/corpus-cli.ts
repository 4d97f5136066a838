import { readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { loadConfig } from './config.ts';
import { exitWhenDone } from './exit-code.ts';
import { loadLibrary } from './core/library/library.ts';
import { CorpusRefusal, CorpusStore, MAX_UPLOAD_BYTES, type Actor } from './corpus-store/corpus-store.ts';
import { describeIndexedFile, summariseIndexedFile, VERBATIM_NOTICE } from './corpus-store/indexed-summary.ts';
import { createLogger } from './logger.ts';

const CORPUS_USAGE = 'Usage: npm run corpus -- add PATH | remove NAME | restore [NAME] | list';
const RELOAD_HINT = 'The running bot answers from this after /reload in Discord (at once with CORPUS_WATCH=true).';

/** A command line the CLI cannot read: the usage is printed and the exit status is 2. */
class UsageError extends Error {}

/** What the file says once the corpus folder is read again: the same summary /corpus add shows. */
async function describeInCorpus(directory: string, file: string): Promise<string[]> {
  const summary = summariseIndexedFile(await loadLibrary(directory), file);
  return summary ? describeIndexedFile(summary) : ['The corpus loader skipped it: run `npm run corpus -- list` to see why.'];
}

async function add(store: CorpusStore, actor: Actor, file: string): Promise<string[]> {
  const size = (await stat(file).catch(() => undefined))?.size;
  if (size === undefined) throw new CorpusRefusal(`${file} was not added: there is no such file.`);
  if (size > MAX_UPLOAD_BYTES) throw new CorpusRefusal(`${file} was not added: it is ${size} bytes; the limit is ${MAX_UPLOAD_BYTES} (5 MiB).`);
  const added = await store.add({ name: path.basename(file), bytes: await readFile(file) }, actor);
  return [`Stored as ${added.file} (${added.kind}, ${added.bytes} bytes, sha256 ${added.sha256}).`, VERBATIM_NOTICE, '', ...(await describeInCorpus(store.directory, added.file)), '', RELOAD_HINT];
}

async function list(store: CorpusStore): Promise<string[]> {
  const library = await loadLibrary(store.directory);
  const added = await store.provenance();
  const documents = library.documents.map((document) => {
    const record = added[document.file];
    return [document.file, document.meta.title ?? '', record ? `added by ${record.by.name} on ${record.at.slice(0, 10)}` : ''].filter(Boolean).join(' · ');
  });
  const problems = library.problems.map((problem) => `${problem.file} — ${problem.reason}`);
  const removed = (await store.removed()).map(({ name, record }) => (record ? `${name} · removed by ${record.by.name} on ${record.at.slice(0, 10)}` : name));
  return [
    `Documents (${documents.length}):`, ...documents,
    ...(problems.length > 0 ? ['', `Skipped or loaded without metadata (${problems.length}):`, ...problems] : []),
    '', `Removed, to restore by name (${removed.length}):`, ...removed,
  ];
}

async function run(store: CorpusStore, actor: Actor, [command, argument, ...rest]: readonly string[]): Promise<string[]> {
  if (rest.length > 0) throw new UsageError(CORPUS_USAGE);
  if (command === 'list' && argument === undefined) return list(store);
  if (command === 'restore' && argument === undefined) return (await store.removed()).map((entry) => entry.name);
  if (argument === undefined) throw new UsageError(CORPUS_USAGE);
  if (command === 'add') return add(store, actor, argument);
  if (command === 'remove') {
    const removed = await store.remove(argument, actor);
    return [`${removed.file}${removed.sidecar ? ' and its metadata' : ''} moved to .removed/${removed.removedAs}.`, `To bring it back: npm run corpus -- restore ${removed.removedAs}`, RELOAD_HINT];
  }
  if (command === 'restore') {
    const restored = await store.restore(argument, actor);
    return [`${restored.from} is back as ${restored.file}${restored.sidecar ? ', with its metadata' : ''}.`, '', ...(await describeInCorpus(store.directory, restored.file)), '', RELOAD_HINT];
  }
  throw new UsageError(CORPUS_USAGE);
}

/** `npm run corpus -- …`: the host's admin changes the corpus with the same store as /corpus in Discord. */
async function main(argv: readonly string[]): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const store = new CorpusStore(config.CORPUS_DIR, { logger });
  try {
    process.stdout.write(`${(await run(store, { via: 'console', name: userInfo().username }, argv)).join('\n')}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof CorpusRefusal)) throw error;
    process.stderr.write(`${error.message}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

exitWhenDone(main(process.argv.slice(2)));
