import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate-corpus.ts';
import { startHarness, type Harness } from '../support/bot-harness.ts';
import { makeTempCorpus, SEED_CORPUS, type TempCorpus } from '../support/corpus-dir.ts';
import { EPHEMERAL, messageOf } from '../support/discord-checks.ts';
import { autocomplete, chatInput, newAsker, PERMISSIONS } from '../support/interactions.ts';
import { watchLoopHold } from '../support/loop-hold.ts';

/** Enough articles that a build takes seconds and its parts many slices, few enough for the suite's time budget. */
const ARTICLES = 250;
/** The load during a reload: up to 50 questions at 50 a second. */
const QUESTION_EVERY_MS = 20;
const MAX_QUESTIONS = 50;

let corpus: TempCorpus;
let harness: Harness;

beforeAll(async () => {
  corpus = await makeTempCorpus();
  await generateCorpus(SEED_CORPUS, corpus.dir, ARTICLES);
  harness = await startHarness({ corpusDir: corpus.dir, timings: { cooldownMs: 0, progressEveryMs: 200 }, waitForLibrary: false });
}, 60_000);

afterAll(async () => {
  await harness.stop();
  await corpus.remove();
});

const mostMentioned = (): string => harness.bot.library.current.people.people[0]?.name ?? 'nobody';
const builtCount = (): number => harness.logs.filter((log) => log.msg === 'library built').length;

/** Asks /who and resolves with how long the first callback took and what it said. */
async function ask(name: string): Promise<{ ms: number; content?: string | undefined; description?: string | undefined; flags?: number | undefined }> {
  const started = performance.now();
  const callback = await harness.send(chatInput(harness.emulator, 'who', { name }, newAsker()));
  const message = messageOf(callback);
  return { ms: performance.now() - started, content: message?.content, description: message?.embeds?.[0]?.description, flags: message?.flags };
}

describe('connect first, then load', () => {
  it('connects before the corpus has loaded and says privately how far loading is, then answers', async () => {
    expect(harness.bot.library.ready).toBe(false);
    const early = await ask('Haddad');
    expect(early.flags).toBe(EPHEMERAL);
    expect(early.content).toMatch(/^The corpus is still loading( \(\d[\d,]* of 250 documents, [a-z ]+\))?\. Please ask again in a moment\.$/u);
    const names = await harness.send(autocomplete(harness.emulator, 'who', { name: 'Had' }, 'name', newAsker()));
    expect((names.body as { data: { choices: unknown[] } }).data.choices).toEqual([]);
    await harness.bot.loaded;
    const late = await ask(mostMentioned());
    expect(late.description).toContain(`**${mostMentioned()}`);
  }, 60_000);

  it('answers questions asked at 50 a second within 3 s while /reload builds, with the event loop never held over 50 ms by the build; a second /reload asked meanwhile is queued once', async () => {
    await harness.bot.loaded;
    const first = path.join(corpus.dir, 'batch-00', 'article-00000.txt');
    await writeFile(first, `${await readFile(first, 'utf8')}The mediator Ysolde Brankovic arrived in Doha on Tuesday.\n`);
    const builtBefore = builtCount();
    const moderator = newAsker({ permissions: PERMISSIONS.manageGuild });
    const reloadInteraction = chatInput(harness.emulator, 'reload', {}, moderator);
    const name = mostMentioned();
    const watch = watchLoopHold();
    expect((await harness.send(reloadInteraction)).body).toMatchObject({ type: 5 });
    while (!harness.bot.library.progress) await sleep(10);

    const queuedInteraction = chatInput(harness.emulator, 'reload', {}, moderator);
    await harness.send(queuedInteraction);
    const answers: Promise<Awaited<ReturnType<typeof ask>>>[] = [];
    while (harness.bot.library.building && answers.length < MAX_QUESTIONS) {
      answers.push(ask(name));
      await sleep(QUESTION_EVERY_MS);
    }
    while (harness.bot.library.building) await sleep(QUESTION_EVERY_MS);
    const hold = watch.stop();
    const answered = await Promise.all(answers);

    expect(answered.length).toBeGreaterThan(5);
    for (const answer of answered) {
      expect(answer.description).toContain(`**${name}`);
      expect(answer.ms).toBeLessThan(3000);
    }
    console.info(`during /reload of ${ARTICLES} articles (${answered.length} questions at 50/s): the loop's thread ran at most ${hold.maxCpuMs.toFixed(1)} ms between ticks; wall gap at most ${hold.maxWallMs.toFixed(1)} ms`);
    expect(hold.maxCpuMs).toBeLessThan(50);
    const progressEdit = harness.edit(reloadInteraction, (request) => /^Reloading: \d/u.test(messageOf(request)?.content ?? ''));
    const report = harness.edit(reloadInteraction, (request) => messageOf(request)?.embeds?.[0]?.title === 'Library reloaded');
    const queuedReport = harness.edit(queuedInteraction, (request) => messageOf(request)?.embeds?.[0] !== undefined);
    expect(messageOf(await progressEdit)?.content).toMatch(/^Reloading: [\d,]+ of 250 documents, [a-z ]+…$/u);
    expect(messageOf(await report)?.embeds?.[0]?.description).toMatch(/^Documents: 250 — 0 added, 1 changed, 0 removed, 249 unchanged/u);
    const queued = messageOf(await queuedReport)?.embeds?.[0];
    expect(queued?.description).toMatch(/^Documents: 250 — 0 added, 0 changed, 0 removed, 250 unchanged/u);
    expect(queued?.footer?.text).toMatch(/^Took /u);
    expect(builtCount() - builtBefore).toBe(2);
    expect((await ask('Ysolde Brankovic')).description).toContain('**Ysolde Brankovic**');
  }, 120_000);
});
