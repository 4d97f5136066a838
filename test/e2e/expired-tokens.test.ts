import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIInteraction } from 'discord.js';
import { startHarness, type Harness } from '../support/bot-harness.ts';
import { copySeedCorpus, type TempCorpus } from '../support/corpus-dir.ts';
import { buttonsOf, EPHEMERAL, messageOf } from '../support/discord-checks.ts';
import { hasDiscordSpec, specProblems } from '../support/discord-openapi.ts';
import { buttonPress, chatInput, newAsker, PERMISSIONS } from '../support/interactions.ts';

/**
 * Interactions whose time is up: Discord forgets an unacknowledged one after
 * 3 s and kills its token after 15 minutes. The emulator's clock is moved on
 * instead of waiting.
 */

const FIFTEEN_MINUTES = 15 * 60 * 1000;

let corpus: TempCorpus;
let harness: Harness;
let unhandled: unknown[];
const recordUnhandled = (reason: unknown): void => void unhandled.push(reason);

beforeAll(async () => {
  unhandled = [];
  process.on('unhandledRejection', recordUnhandled);
  corpus = await copySeedCorpus();
  harness = await startHarness({ corpusDir: corpus.dir, timings: { cooldownMs: 0, pageLifetimeMs: 400 } });
});
afterAll(async () => {
  process.off('unhandledRejection', recordUnhandled);
  await harness.stop();
  await corpus.remove();
});

const originalPath = (interaction: APIInteraction): string => `/webhooks/${harness.emulator.applicationId}/${interaction.token}/messages/@original`;
const requestsFor = (interaction: APIInteraction): number => harness.emulator.requests.filter((request) => request.path.includes(interaction.token)).length;

describe('tokens past their life', () => {
  it('a paged answer: its buttons still turn pages after 15 minutes, as each press brings a new token', async () => {
    const asker = newAsker();
    const interaction = chatInput(harness.emulator, 'when', { event: 'ceasefire' }, asker);
    const first = await harness.send(interaction);
    const next = buttonsOf(messageOf(first))[1]?.custom_id ?? '';
    harness.emulator.advanceClock(FIFTEEN_MINUTES + 1000);
    const message = harness.emulator.messageOf(interaction.id);
    if (!message) throw new Error('the answer should be a message');
    const turned = await harness.send(buttonPress(harness.emulator, next, message, asker));
    expect(turned.body).toMatchObject({ type: 7, data: { content: expect.stringMatching(/^\*\*\/when\*\* ceasefire · 6–/u) } });
  });

  it('removing expired buttons through a dead token: Discord refuses, the bot logs a warning, nothing else', async () => {
    const asker = newAsker();
    const interaction = chatInput(harness.emulator, 'when', { event: 'hostages' }, asker);
    const first = await harness.send(interaction);
    expect(buttonsOf(messageOf(first)).length).toBe(2);
    harness.emulator.advanceClock(FIFTEEN_MINUTES + 1000);
    const refused = await harness.emulator.waitForRequest((request) => request.method === 'PATCH' && request.path === originalPath(interaction));
    expect(refused.status).toBe(401);
    expect(messageOf(refused)).toMatchObject({ components: [], allowed_mentions: { parse: [] } });
    const warning = await harness.logged((record) => record.interactionId === interaction.id && Number(record.level) >= 40);
    expect(warning).toMatchObject({ level: 40, msg: 'could not remove expired page buttons', err: expect.objectContaining({ code: 50027 }) });
    const message = harness.emulator.messageOf(interaction.id);
    if (!message) throw new Error('the answer should be a message');
    const pressed = await harness.send(buttonPress(harness.emulator, buttonsOf(messageOf(first))[1]?.custom_id ?? '', message, asker));
    expect(pressed.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, content: expect.stringMatching(/expired\. Run the command again/u) } });
  });

  it('a /reload whose build outlives its token: the reload still happens and is logged, the lost reply is logged once', async () => {
    await corpus.write('late/addition.txt', 'Ondrej Valcourt signed the late annex on Tuesday, officials said.\n');
    const interaction = chatInput(harness.emulator, 'reload', {}, newAsker({ permissions: PERMISSIONS.manageGuild }));
    const deferral = await harness.send(interaction);
    expect(deferral.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    // The build is under way; by the time it ends, the token is dead.
    harness.emulator.advanceClock(FIFTEEN_MINUTES + 1000);
    const failure = await harness.logged((record) => record.interactionId === interaction.id && record.msg === 'interaction failed');
    expect(failure).toMatchObject({ level: 50, command: 'reload', toldUser: false, err: expect.objectContaining({ code: 50027 }) });
    expect(harness.logs).toContainEqual(expect.objectContaining({ msg: 'reload finished', interactionId: interaction.id, ok: true, added: 1 }));
    expect(harness.bot.library.current.documents.map((document) => document.file)).toContain('late/addition.txt');
    // The deferral and the refused edit; no follow-up through a token known to be dead.
    expect(requestsFor(interaction)).toBe(2);
  });

  it('a question whose answer comes after 3 s: Discord has forgotten it; logged once, not retried', async () => {
    const interaction = chatInput(harness.emulator, 'who', { name: 'Witkoff' }, newAsker());
    harness.emulator.interact(interaction);
    harness.emulator.advanceClock(3500);
    const failure = await harness.logged((record) => record.interactionId === interaction.id && record.msg === 'interaction failed');
    expect(failure).toMatchObject({ toldUser: false, err: expect.objectContaining({ code: 10062 }) });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requestsFor(interaction)).toBe(1);
    expect(harness.logs.filter((record) => record.interactionId === interaction.id && Number(record.level) >= 40)).toHaveLength(1);
  });

  it('raised no unhandled rejection', () => {
    expect(unhandled).toEqual([]);
  });

  it.skipIf(!hasDiscordSpec)("sent only bodies that Discord's OpenAPI spec accepts", () => {
    expect(specProblems(harness.emulator.requests)).toEqual([]);
  });
});
