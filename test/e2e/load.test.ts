import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIInteraction } from 'discord.js';
import { startHarness, type Harness } from '../support/bot-harness.ts';
import { SEED_CORPUS } from '../support/corpus-dir.ts';
import { expectEveryMessageSendable, messageOf } from '../support/discord-checks.ts';
import type { RecordedRequest } from '../support/discord-emulator.ts';
import { autocomplete, chatInput, newAsker, type Asker } from '../support/interactions.ts';

/**
 * Sustained load over the seed corpus: 1,000 interactions at 50 a second
 * from 200 people, through the real discord.js client. Every one is
 * answered, fast, and once it is over the bot's memory comes back, because
 * page buttons and cooldown entries expire. It takes 20 s by construction.
 */

const TOTAL = 1000;
const PER_SECOND = 50;
const USERS = 200;
/** Short, so that the paged replies of the run expire within the test; the bot's default is 10 minutes. */
const PAGE_LIFETIME_MS = 1500;

const QUESTIONS: [string, Record<string, string>][] = [
  ['who', { name: 'Witkoff' }],
  ['when', { event: 'ceasefire' }],
  ['quote', { text: 'burden' }],
  ['who', { name: 'Smotrich' }],
  ['when', { event: 'six-week ceasefire ended' }],
  ['quote', { speaker: 'Witkoff' }],
  ['who', { name: 'finance minister' }],
  ['when', { event: 'teams recalled' }],
  ['sources', {}],
];

let harness: Harness;
let users: Asker[];

const gc = (globalThis as { gc?: () => void }).gc;

async function heapAfterCollection(): Promise<number> {
  if (!gc) throw new Error('run the tests with --expose-gc (vitest.config.ts sets it) to measure memory');
  for (let pass = 0; pass < 3; pass += 1) {
    gc();
    await sleep(50);
  }
  return process.memoryUsage().heapUsed;
}

/** The i-th interaction of a run: mostly questions, every fifth a name being typed. */
function nthInteraction(index: number, asker: Asker): APIInteraction {
  if (index % 5 === 4) return autocomplete(harness.emulator, 'who', { name: 'Wit' }, 'name', asker);
  const [name, values] = QUESTIONS[index % QUESTIONS.length] ?? ['who', { name: 'Witkoff' }];
  return chatInput(harness.emulator, name, values, asker);
}

/** Sends `count` interactions at `perSecond`, round-robin over the users; resolves with each and its first callback. */
async function send(count: number, perSecond: number): Promise<{ interaction: APIInteraction; callback: RecordedRequest }[]> {
  const started = performance.now();
  const answers: Promise<{ interaction: APIInteraction; callback: RecordedRequest }>[] = [];
  for (let index = 0; index < count; index += 1) {
    const due = started + (index * 1000) / perSecond;
    if (due > performance.now()) await sleep(due - performance.now());
    const interaction = nthInteraction(index, users[index % USERS] ?? newAsker());
    const callback = `/interactions/${interaction.id}/${interaction.token}/callback`;
    answers.push(harness.emulator.waitForRequest((request) => request.path === callback, 10_000).then((request) => ({ interaction, callback: request })));
    harness.emulator.interact(interaction);
  }
  return Promise.all(answers);
}

/**
 * Runs the interactions and checks each answer; returns only the latencies
 * of the first callbacks, sorted, so that nothing of the run stays referenced.
 */
async function run(count: number, perSecond: number): Promise<number[]> {
  const answered = await send(count, perSecond);
  for (const { callback } of answered) {
    expect(callback.status).toBeLessThan(300);
    expect(messageOf(callback)?.content ?? '').not.toMatch(/Please wait|Something went wrong/u);
  }
  expect(harness.logs.filter((record) => Number(record.level) >= 40)).toEqual([]);
  return answered.map(({ interaction, callback }) => harness.emulator.latencyOf(interaction.id, callback)).sort((a, b) => a - b);
}

/** Forgets what the emulator and the harness recorded, so that the heap holds only the bot and the test's figures. */
function forgetRecords(): void {
  harness.emulator.forget();
  harness.logs.length = 0;
}

const percentile = (sorted: readonly number[], share: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * share) - 1)] ?? Number.NaN;

beforeAll(async () => {
  harness = await startHarness({ corpusDir: SEED_CORPUS, timings: { pageLifetimeMs: PAGE_LIFETIME_MS } });
  users = Array.from({ length: USERS }, () => newAsker());
});
afterAll(() => harness.stop());

describe('sustained load', () => {
  it(`answers ${TOTAL} interactions at ${PER_SECOND}/s from ${USERS} people, fast, and gives its memory back`, { timeout: 60_000 }, async () => {
    // Warm-up: every user once, so that discord.js's caches of users and members are full before measuring.
    await run(USERS, 100);
    // Long enough for the warm-up's pages to expire and every user's 2 s cooldown to pass.
    await sleep(Math.max(PAGE_LIFETIME_MS, 2000) + 500);
    forgetRecords();
    const heapBefore = await heapAfterCollection();

    const latencies = await run(TOTAL, PER_SECOND);
    expect(expectEveryMessageSendable(harness.emulator.requests)).toBeGreaterThan(TOTAL / 2);
    const [p50, p99, max] = [percentile(latencies, 0.5), percentile(latencies, 0.99), latencies.at(-1) ?? Number.NaN];

    // Paged replies expire (their buttons removed), then nothing the run left behind should remain.
    await sleep(PAGE_LIFETIME_MS + 1000);
    const buttonsRemoved = harness.emulator.requests.filter((request) => request.method === 'PATCH' && messageOf(request)?.components?.length === 0).length;
    expect(buttonsRemoved).toBeGreaterThan(0);
    expect(harness.logs.filter((record) => Number(record.level) >= 40)).toEqual([]);
    forgetRecords();
    const heapAfter = await heapAfterCollection();
    const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
    console.info(
      `load: ${TOTAL} interactions at ${PER_SECOND}/s from ${USERS} users: first callback p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms; ` +
        `heap ${mb(heapBefore)} MB before, ${mb(heapAfter)} MB after (${(((heapAfter - heapBefore) / heapBefore) * 100).toFixed(1)}%)`,
    );
    expect(p99).toBeLessThan(100);
    expect(max).toBeLessThan(3000);
    expect(heapAfter).toBeLessThan(heapBefore * 1.1);
  });
});
