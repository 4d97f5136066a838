import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIInteraction } from 'discord.js';
import { startHarness, type Harness } from '../support/bot-harness.ts';
import { SEED_CORPUS } from '../support/corpus-dir.ts';
import { EPHEMERAL, expectEveryMessageSendable, messageOf } from '../support/discord-checks.ts';
import type { RecordedRequest } from '../support/discord-emulator.ts';
import { rateLimited, serverError } from '../support/emulator-faults.ts';
import { hasDiscordSpec, specProblems } from '../support/discord-openapi.ts';
import { chatInput, newAsker } from '../support/interactions.ts';

/**
 * Discord's REST faults, injected by the emulator, against the real
 * discord.js client: what it retries, where the bot gives up, and that every
 * other interaction is still answered.
 */

const REST_TIMEOUT_MS = 300;

let direct: Harness;
let deferred: Harness;

beforeAll(async () => {
  [direct, deferred] = await Promise.all([
    startHarness({ corpusDir: SEED_CORPUS, timings: { cooldownMs: 0, restTimeoutMs: REST_TIMEOUT_MS } }),
    startHarness({ corpusDir: SEED_CORPUS, timings: { cooldownMs: 0, restTimeoutMs: REST_TIMEOUT_MS, deferFromPassages: 0 } }),
  ]);
});
afterAll(async () => {
  await Promise.all([direct.stop(), deferred.stop()]);
});

const callbackPath = (interaction: APIInteraction): string => `/interactions/${interaction.id}/${interaction.token}/callback`;
const originalPath = (harness: Harness, interaction: APIInteraction): string => `/webhooks/${harness.emulator.applicationId}/${interaction.token}/messages/@original`;
const followUpPath = (harness: Harness, interaction: APIInteraction): string => `/webhooks/${harness.emulator.applicationId}/${interaction.token}`;

const who = (harness: Harness, name = 'Witkoff'): APIInteraction => chatInput(harness.emulator, 'who', { name }, newAsker());
const requestsTo = (harness: Harness, path: string): RecordedRequest[] => harness.emulator.requests.filter((request) => request.path === path);
const succeeded = (request: RecordedRequest): boolean => request.status >= 200 && request.status < 300;

/** The log records about one interaction at warn level or above. */
const problemsLogged = (harness: Harness, interaction: APIInteraction): Record<string, unknown>[] =>
  harness.logs.filter((record) => record.interactionId === interaction.id && Number(record.level) >= 40);

/** Another asker's question, sent while the fault is on: it is answered within Discord's 3 s. */
async function expectBystanderAnswered(harness: Harness): Promise<void> {
  const interaction = who(harness, 'Smotrich');
  harness.emulator.interact(interaction);
  const answered = await harness.emulator.waitForRequest((request) => request.path === callbackPath(interaction) && succeeded(request), 3000);
  expect(harness.emulator.latencyOf(interaction.id, answered)).toBeLessThan(3000);
}

/** Waits for the bot's one log line about a failed interaction. */
async function failureLogged(harness: Harness, interaction: APIInteraction): Promise<Record<string, unknown>> {
  const record = await harness.logged((entry) => entry.interactionId === interaction.id && entry.msg === 'interaction failed');
  // Give a second line, were there one, the time to appear.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(problemsLogged(harness, interaction)).toEqual([record]);
  return record;
}

describe('429 on interaction callbacks', () => {
  it('waits out a per-route Retry-After that still lands within 3 s, then answers', async () => {
    const interaction = who(direct);
    direct.emulator.inject({ matches: (request) => request.path === callbackPath(interaction), response: rateLimited(0.3) });
    const answered = direct.emulator.waitForRequest((request) => request.path === callbackPath(interaction) && succeeded(request));
    direct.emulator.interact(interaction);
    const [answer] = await Promise.all([answered, expectBystanderAnswered(direct)]);
    const [limited, retried] = requestsTo(direct, callbackPath(interaction));
    expect(limited?.status).toBe(429);
    expect(retried).toBe(answer);
    expect(retried!.receivedAt - limited!.receivedAt).toBeGreaterThanOrEqual(300);
    expect(messageOf(retried!)?.embeds?.length).toBeGreaterThan(0);
    expect(problemsLogged(direct, interaction)).toEqual([]);
  });

  it('gives up on a global Retry-After that would land after 3 s: one log line, no apology, others answered', async () => {
    const interaction = who(direct);
    direct.emulator.inject({ matches: (request) => request.path === callbackPath(interaction), response: rateLimited(5, 'global') });
    direct.emulator.interact(interaction);
    const record = await failureLogged(direct, interaction);
    expect(record).toMatchObject({ level: 50, toldUser: false, err: expect.objectContaining({ type: 'RateLimitError' }) });
    expect(requestsTo(direct, callbackPath(interaction)).map((request) => request.status)).toEqual([429]);
    await expectBystanderAnswered(direct);
  });
});

describe('429 on edits and follow-ups', () => {
  it.each([['route' as const], ['global' as const]])('waits out a %s Retry-After on the edit that carries the answer', async (scope) => {
    const interaction = who(deferred);
    const edit = originalPath(deferred, interaction);
    deferred.emulator.inject({ matches: (request) => request.method === 'PATCH' && request.path === edit, response: rateLimited(0.25, scope) });
    const answered = deferred.emulator.waitForRequest((request) => request.method === 'PATCH' && request.path === edit && succeeded(request));
    deferred.emulator.interact(interaction);
    expect(messageOf(await answered)?.embeds?.length).toBeGreaterThan(0);
    const [limited, retried] = requestsTo(deferred, edit);
    expect(limited?.status).toBe(429);
    expect(retried!.receivedAt - limited!.receivedAt).toBeGreaterThanOrEqual(250);
    expect(problemsLogged(deferred, interaction)).toEqual([]);
    await expectBystanderAnswered(deferred);
  });

  it('waits out a Retry-After on the follow-up that apologises for a failed edit', async () => {
    const interaction = who(deferred, 'Huckabee');
    const edit = originalPath(deferred, interaction);
    const followUp = followUpPath(deferred, interaction);
    deferred.emulator.failNext((request) => request.method === 'PATCH' && request.path === edit, 400, { message: 'Invalid Form Body', code: 50035 });
    deferred.emulator.inject({ matches: (request) => request.method === 'POST' && request.path === followUp, response: rateLimited(0.25) });
    const apology = deferred.emulator.waitForRequest((request) => request.method === 'POST' && request.path === followUp && succeeded(request));
    deferred.emulator.interact(interaction);
    expect(messageOf(await apology)).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining(interaction.id) });
    expect(requestsTo(deferred, followUp).map((request) => request.status)).toEqual([429, 200]);
    expect(await failureLogged(deferred, interaction)).toMatchObject({ toldUser: true });
  });
});

describe('5xx during an incident', () => {
  it.each([[500 as const], [502 as const], [503 as const]])('retries a callback that got %i once, and answers without a complaint', async (status) => {
    const interaction = who(direct);
    direct.emulator.inject({ matches: (request) => request.path === callbackPath(interaction), response: serverError(status) });
    direct.emulator.interact(interaction);
    await direct.emulator.waitForRequest((request) => request.path === callbackPath(interaction) && succeeded(request));
    expect(requestsTo(direct, callbackPath(interaction)).map((request) => request.status)).toEqual([status, 204]);
    expect(problemsLogged(direct, interaction)).toEqual([]);
  });

  it('gives up after discord.js’s retries, then apologises privately once Discord answers again', async () => {
    const interaction = who(direct);
    direct.emulator.inject({ matches: (request) => request.path === callbackPath(interaction), response: serverError(503), times: 4 });
    direct.emulator.interact(interaction);
    const record = await failureLogged(direct, interaction);
    expect(record).toMatchObject({ toldUser: true, err: expect.objectContaining({ status: 503 }) });
    const attempts = requestsTo(direct, callbackPath(interaction));
    expect(attempts.map((request) => request.status)).toEqual([503, 503, 503, 503, 204]);
    expect(messageOf(attempts[4]!)).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining(interaction.id) });
    await expectBystanderAnswered(direct);
  });

  it('logs one line, and nothing else happens, when the outage outlasts the apology too', async () => {
    const interaction = who(direct);
    direct.emulator.inject({ matches: (request) => request.path === callbackPath(interaction), response: serverError(502), times: 8 });
    direct.emulator.interact(interaction);
    const record = await failureLogged(direct, interaction);
    expect(record).toMatchObject({ toldUser: false, replyError: expect.stringMatching(/Bad Gateway|502/u) });
    expect(requestsTo(direct, callbackPath(interaction))).toHaveLength(8);
    await expectBystanderAnswered(direct);
  });
});

describe('answers slower than the client’s timeout', () => {
  it('a callback Discord took but answered too slowly: the retry is refused as already acknowledged; logged once, the answer stands', async () => {
    const interaction = who(direct);
    direct.emulator.inject({ matches: (request) => request.path === callbackPath(interaction), delayMs: REST_TIMEOUT_MS * 3 });
    direct.emulator.interact(interaction);
    const record = await failureLogged(direct, interaction);
    expect(record).toMatchObject({ toldUser: false, err: expect.objectContaining({ code: 40060 }) });
    expect(requestsTo(direct, callbackPath(interaction)).map((request) => request.status)).toEqual([204, 400]);
    expect(direct.emulator.messageOf(interaction.id)?.embeds?.length).toBeGreaterThan(0);
    await expectBystanderAnswered(direct);
  });

  it('an edit answered too slowly is sent again, and the answer arrives', async () => {
    const interaction = who(deferred);
    const edit = originalPath(deferred, interaction);
    deferred.emulator.inject({ matches: (request) => request.method === 'PATCH' && request.path === edit, delayMs: REST_TIMEOUT_MS * 3 });
    deferred.emulator.interact(interaction);
    await deferred.emulator.waitForRequest((request) => requestsTo(deferred, edit).length === 2 && request.path === edit);
    expect(requestsTo(deferred, edit).map((request) => request.status)).toEqual([200, 200]);
    expect(deferred.emulator.messageOf(interaction.id)?.embeds?.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(problemsLogged(deferred, interaction)).toEqual([]);
  });
});

describe('after the faults', () => {
  it('sent every message within Discord limits and with mentions off', () => {
    expect(expectEveryMessageSendable(direct.emulator.requests)).toBeGreaterThan(10);
    expect(expectEveryMessageSendable(deferred.emulator.requests)).toBeGreaterThan(5);
  });

  it.skipIf(!hasDiscordSpec)("sent only bodies that Discord's OpenAPI spec accepts", () => {
    expect([...specProblems(direct.emulator.requests), ...specProblems(deferred.emulator.requests)]).toEqual([]);
  });
});
