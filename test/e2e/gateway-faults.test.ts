import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIInteraction } from 'discord.js';
import { startHarness, type Harness } from '../support/bot-harness.ts';
import { SEED_CORPUS } from '../support/corpus-dir.ts';
import { messageOf } from '../support/discord-checks.ts';
import type { EmulatedGateway } from '../support/emulator-gateway.ts';
import { chatInput, newAsker } from '../support/interactions.ts';

/**
 * The gateway's faults, as Discord causes them, against the real discord.js
 * client: closes with each of Discord's codes, reconnect requests (op 7),
 * invalid sessions (op 9) and unacknowledged heartbeats. The emulator keeps
 * each session's dispatches so that a RESUME replays what the bot missed.
 */

const HEARTBEAT_MS = 250;

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ corpusDir: SEED_CORPUS, timings: { cooldownMs: 0 }, emulator: { heartbeatIntervalMs: HEARTBEAT_MS } });
});
afterAll(() => harness.stop());

const question = (on = harness): APIInteraction => chatInput(on.emulator, 'who', { name: 'Witkoff' }, newAsker());

/** Dispatches a question (unless already sent) and expects the bot's answer within Discord's 3 s. */
async function expectAnswered(interaction: APIInteraction = question(), { alreadySent = false, on = harness } = {}): Promise<void> {
  const callback = `/interactions/${interaction.id}/${interaction.token}/callback`;
  const answered = on.emulator.waitForRequest((request) => request.path === callback && request.status === 204, 5000);
  if (!alreadySent) on.emulator.interact(interaction);
  const reply = await answered;
  expect(messageOf(reply)?.embeds?.[0]?.description).toMatch(/Witkoff/u);
  expect(on.emulator.latencyOf(interaction.id, reply)).toBeLessThan(3000);
}

const framesSent = (op: number, on = harness): number => on.emulator.gatewayFrames.filter((frame) => frame.op === op).length;

/**
 * A bot of its own for a test that makes it identify again: discord.js keeps
 * Discord's one IDENTIFY per 5 s, so such tests run side by side.
 */
async function withOwnBot(test: (own: Harness) => Promise<void>): Promise<void> {
  const own = await startHarness({ corpusDir: SEED_CORPUS, timings: { cooldownMs: 0 }, emulator: { heartbeatIntervalMs: HEARTBEAT_MS } });
  try {
    await test(own);
  } finally {
    await own.stop();
  }
}
const IDENTIFY = 2;
const RESUME = 6;

/**
 * Close codes as discord.js (@discordjs/ws) answers them: resume the session,
 * or identify a new one where Discord ends it (4003, 4007, 4009) or
 * discord.js chooses to (1000, 4005, 4008). 4004 (bad token) at start-up is
 * covered by the start-up tests; the codes after which discord.js gives up are
 * FATAL_CLOSES.
 */
const RESUMING_CLOSES = [1001, 4000, 4001, 4002];
const NEW_SESSION_CLOSES = [1000, 4003, 4005, 4007, 4008, 4009];
/** Token revoked, invalid shard, sharding required, API version or intents refused: discord.js does not reconnect. */
const FATAL_CLOSES = [4004, 4010, 4011, 4012, 4013, 4014];

describe('the gateway closes the connection', () => {
  it.each(RESUMING_CLOSES)('after %i the bot resumes, and answers the interaction sent while it was away', async (code) => {
    const [identifies, resumes] = [framesSent(IDENTIFY), framesSent(RESUME)];
    const resumed = harness.emulator.gateway.next('resumed');
    harness.emulator.gateway.close(code);
    const missed = question();
    harness.emulator.interact(missed);
    await resumed;
    await expectAnswered(missed, { alreadySent: true });
    expect([framesSent(IDENTIFY) - identifies, framesSent(RESUME) - resumes]).toEqual([0, 1]);
  });

});

/** Faults after which the bot must start a new session: closes that end it, and op 9 saying it cannot be resumed. */
const NEW_SESSION_FAULTS: [string, (gateway: EmulatedGateway) => void][] = [
  ...NEW_SESSION_CLOSES.map((code): [string, (gateway: EmulatedGateway) => void] => [`a close with ${code}`, (gateway) => gateway.close(code)]),
  ['op 9, not resumable', (gateway) => gateway.invalidateSession(false)],
];

describe('faults that end the session', () => {
  it.concurrent.each(NEW_SESSION_FAULTS)('after %s the bot identifies a new session, then answers', (_, fault) =>
    withOwnBot(async (own) => {
      const ready = own.emulator.gateway.next('ready');
      fault(own.emulator.gateway);
      await ready;
      expect(framesSent(IDENTIFY, own)).toBe(2);
      await expectAnswered(question(own), { on: own });
    }),
  );
});

describe('Discord asks the bot to reconnect or says its session is invalid', () => {
  it('op 7: the bot reconnects, resumes, and loses nothing sent meanwhile', async () => {
    const resumed = harness.emulator.gateway.next('resumed');
    harness.emulator.gateway.requestReconnect();
    const sentMeanwhile = [question(), question(), question()];
    for (const interaction of sentMeanwhile) harness.emulator.interact(interaction);
    await resumed;
    await Promise.all(sentMeanwhile.map((interaction) => expectAnswered(interaction, { alreadySent: true })));
  });

  it('op 9 resumable: the bot resumes the session', async () => {
    const [identifies, resumes] = [framesSent(IDENTIFY), framesSent(RESUME)];
    const resumed = harness.emulator.gateway.next('resumed');
    harness.emulator.gateway.invalidateSession(true);
    await resumed;
    expect([framesSent(IDENTIFY) - identifies, framesSent(RESUME) - resumes]).toEqual([0, 1]);
    await expectAnswered();
  });
});

describe('heartbeats go unacknowledged', () => {
  it('the bot drops the zombie connection, resumes, and answers', async () => {
    const closes = harness.emulator.gateway.closes.length;
    const resumed = harness.emulator.gateway.next('resumed');
    harness.emulator.gateway.acknowledgeHeartbeats = false;
    try {
      const deadline = performance.now() + 5000;
      while (harness.emulator.gateway.closes.length === closes) {
        if (performance.now() > deadline) throw new Error('the bot kept a connection whose heartbeats went unanswered');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      harness.emulator.gateway.acknowledgeHeartbeats = true;
    }
    expect(harness.emulator.gateway.closes.at(-1)?.by).toBe('bot');
    await resumed;
    await expectAnswered();
  });
});

describe('after every fault', () => {
  it('still runs, with one connection, and no interaction failed', () => {
    expect(harness.bot.client.isReady()).toBe(true);
    expect(harness.emulator.connectionCount).toBe(1);
    expect(harness.logs.filter((record) => record.msg === 'interaction failed')).toEqual([]);
  });
});

describe('the gateway closes the connection for good', () => {
  it.each(FATAL_CLOSES)('after %i the bot says so once, at level fatal, and tells its process (which exits for a restart)', async (code) => {
    await withOwnBot(async (own) => {
      own.emulator.gateway.close(code);
      await expect(own.bot.connectionLost).resolves.toBe(code);
      expect(own.logs.filter((record) => record.level === 60)).toEqual([expect.objectContaining({ code, msg: 'Discord closed the gateway for good; discord.js will not reconnect' })]);
    });
  });
});
