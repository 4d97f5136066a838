import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIInteraction } from 'discord.js';
import { startHarness, type Harness } from '../support/bot-harness.ts';
import { copySeedCorpus, type TempCorpus } from '../support/corpus-dir.ts';
import { buttonsOf, EPHEMERAL, excerptText, expectEveryMessageSendable, expectSendable, messageOf, type MessageBody } from '../support/discord-checks.ts';
import { hasDiscordSpec, specProblems } from '../support/discord-openapi.ts';
import { autocomplete, buttonPress, chatInput, newAsker, type Asker, type OptionValues } from '../support/interactions.ts';

/** Lines no seed document has: mentions that must ping nobody, markdown that must not render, a very long sentence. */
const NOTICE = 'Quorvath Lindqvist told @everyone at the briefing that <@123456789012345678> and <@&223456789012345678> had signed the annex.\n';
const LONG_SENTENCE = `${'The delegates read the annex clause by clause, '.repeat(12)}until the negotiator Brannoch Veldt *insisted* on __one__ more ~~reading~~ of the || sealed || text, ${'and then they read it again, '.repeat(25)}late into the night.`;

let corpus: TempCorpus;
let harness: Harness;

beforeAll(async () => {
  corpus = await copySeedCorpus({
    'extra/notice.txt': NOTICE,
    'extra/long-read.md': `---\ntitle: "The *Long* Read"\npublisher: Test Desk\n---\n\n${LONG_SENTENCE}\n`,
  });
  harness = await startHarness({ corpusDir: corpus.dir });
});

afterAll(async () => {
  await harness.stop();
  await corpus.remove();
});

/** Runs a slash command and returns the bot's reply (the callback's message). */
async function ask(name: string, values: OptionValues, asker: Asker = newAsker()): Promise<{ interaction: APIInteraction; reply: MessageBody; type: number }> {
  const interaction = chatInput(harness.emulator, name, values, asker);
  const callback = await harness.send(interaction);
  const body = callback.body as { type: number; data?: MessageBody };
  return { interaction, reply: body.data ?? {}, type: body.type };
}

async function fileText(file: string): Promise<string> {
  return readFile(path.join(corpus.dir, file), 'utf8');
}

describe('the bot against the emulated Discord', () => {
  it('connects as discord.js does: gateway from /gateway/bot, plain JSON, IDENTIFY with the Guilds intent', () => {
    const { emulator } = harness;
    expect(emulator.requests.some((request) => request.method === 'GET' && request.path === '/gateway/bot')).toBe(true);
    expect(emulator.gatewayUrls[0]).toMatch(/^\/gateway\?v=10&encoding=json$/u);
    const identify = emulator.gatewayFrames.find((frame) => frame.op === 2)?.d as { token: string; intents: number };
    expect(identify.intents).toBe(1);
    expect(harness.bot.client.guilds.cache.has(emulator.guildId)).toBe(true);
  });

  it('answers /who with exact excerpts, the matches in bold, each followed by its citation', async () => {
    const { reply, type } = await ask('who', { name: 'Witkoff' });
    expect(type).toBe(4);
    expect(reply.flags ?? 0).toBe(0);
    expectSendable(reply);
    expect(reply.content).toMatch(/^\*\*\/who\*\* Witkoff · 1–\d+ of \d+/u);
    expect(reply.embeds?.length).toBeGreaterThan(0);
    for (const embed of reply.embeds ?? []) {
      const citation = embed.footer?.text ?? '';
      expect(citation).toMatch(/(?:^| · )¶\d+ · [\w./-]+\.txt$/u);
      const file = citation.split(' · ').at(-1) ?? '';
      expect(await fileText(file)).toContain(excerptText(embed.description ?? ''));
      expect(embed.description).toMatch(/\*\*(?:[\w.]+\s)*Witkoff\*\*/u);
    }
  });

  it('answers privately when asked with private:', async () => {
    const { reply } = await ask('when', { event: 'six-week ceasefire', private: true });
    expect(reply.flags).toBe(EPHEMERAL);
    expect(reply.embeds?.[0]?.description).toMatch(/six/u);
  });

  it('lists /when answers in the order things happened with order:timeline', async () => {
    const { reply } = await ask('when', { event: 'hostages', order: 'timeline' });
    expectSendable(reply);
    const dates = (reply.embeds ?? []).flatMap((embed) => embed.fields?.filter((field) => field.name === 'When') ?? []).map((field) => /\((\d{4}(?:-\d{2}){0,2})\)$/u.exec(field.value)?.[1]).filter((date): date is string => date !== undefined);
    expect(dates.length).toBeGreaterThan(2);
    expect(dates).toEqual([...dates].sort());
  });

  it('windows a long excerpt around the match, escaped, with … outside the text', async () => {
    const { reply } = await ask('who', { name: 'Brannoch Veldt' });
    expectSendable(reply);
    const description = reply.embeds?.[0]?.description ?? '';
    expect(description).toMatch(/^… /u);
    expect(description).toMatch(/ …$/u);
    expect(description).toContain('\\*insisted\\*');
    expect(description).toContain('\\_\\_one\\_\\_');
    expect(description).toContain('\\~\\~reading\\~\\~');
    expect(description).toContain('\\|\\| sealed \\|\\|');
    expect(description).toContain('**Brannoch Veldt**');
    expect(LONG_SENTENCE).toContain(excerptText(description));
    expect(reply.embeds?.[0]?.footer?.text).toBe('The *Long* Read · Test Desk · ¶1 · extra/long-read.md');
  });

  it('pings nobody, whatever the corpus line or the query says', async () => {
    const { reply } = await ask('who', { name: 'Quorvath Lindqvist' });
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    const shown = excerptText(reply.embeds?.[0]?.description ?? '');
    expect(shown).toContain('@everyone');
    expect(shown).toContain('<@123456789012345678>');
    expect(shown).toContain('<@&223456789012345678>');
    const query = await ask('when', { event: '@everyone <@123456789012345678> <@&223456789012345678> signed' });
    expect(query.reply.content).toContain('@everyone');
    expect(query.reply.allowed_mentions).toEqual({ parse: [] });
  });

  it('says when nothing matched, and offers close words from the index', async () => {
    const typo = await ask('who', { name: 'Hukabey' });
    expect(typo.reply.content).toMatch(/^No one called “Hukabey” is in the corpus\.\nDid you mean: .*Huckabee/u);
    expect(typo.reply.embeds ?? []).toEqual([]);
    const nonsense = await ask('when', { event: 'qqqzzz' });
    expect(nonsense.reply.content).toMatch(/^Nothing in the corpus says when that happened[\s\S]*\/sources/u);
  });

  it('/quote works with text alone, speaker alone, and asks for one when given neither', async () => {
    const byText = await ask('quote', { text: 'piecemeal' });
    expect(byText.reply.embeds?.[0]?.description).toMatch(/“[^”]*piecemeal[^”]*”/iu);
    const bySpeaker = await ask('quote', { speaker: 'Witkoff' });
    expect(bySpeaker.reply.embeds?.length).toBeGreaterThan(0);
    const neither = await ask('quote', {});
    expect(neither.reply.flags).toBe(EPHEMERAL);
    expect(neither.reply.content).toMatch(/text:.*speaker:/u);
  });

  it('/sources lists the documents with titles and sizes', async () => {
    const { reply } = await ask('sources', {});
    expect(reply.content).toMatch(/^\*\*\/sources\*\* · 7 documents · \d+ passages$/u);
    const description = reply.embeds?.[0]?.description ?? '';
    expect(description).toContain('**The \\*Long\\* Read**');
    expect(description).toMatch(/extra\/notice\.txt · 0\.1 kB · 1 passage\b/u);
  });

  it('completes names from the corpus within Discord limits', async () => {
    const asker = newAsker();
    const partial = await harness.send(autocomplete(harness.emulator, 'who', { name: 'Quorv' }, 'name', asker));
    expect((partial.body as { type: number }).type).toBe(8);
    expect((partial.body as { data: { choices: unknown[] } }).data.choices).toContainEqual({ name: 'Quorvath Lindqvist', value: 'Quorvath Lindqvist' });
    const empty = await harness.send(autocomplete(harness.emulator, 'quote', { speaker: '' }, 'speaker', asker));
    const choices = (empty.body as { data: { choices: { name: string; value: string }[] } }).data.choices;
    expect(choices.length).toBeGreaterThan(1);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) expect(choice.name.length).toBeGreaterThan(0);
    for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
  });

  it('pages with Previous/Next that only the asker can press', async () => {
    const asker = newAsker();
    const { interaction, reply } = await ask('when', { event: 'ceasefire' }, asker);
    const [previous, next] = buttonsOf(reply);
    expect(reply.content).toMatch(/1–5 of \d+ · page 1 of \d+/u);
    expect(previous).toMatchObject({ label: 'Previous', disabled: true });
    expect(next).toMatchObject({ label: 'Next', disabled: false });
    const message = harness.emulator.messageOf(interaction.id);
    if (!message || !next?.custom_id) throw new Error('the reply should be a message with a Next button');

    const stranger = await harness.send(buttonPress(harness.emulator, next.custom_id, message, newAsker()));
    expect(stranger.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, content: expect.stringMatching(/Only the person who asked/u) } });

    const turned = await harness.send(buttonPress(harness.emulator, next.custom_id, message, asker));
    const page = messageOf(turned) ?? {};
    expect((turned.body as { type: number }).type).toBe(7);
    expectSendable(page);
    expect(page.content).toMatch(/6–\d+ of \d+ · page 2 of/u);
    expect(buttonsOf(page)[0]).toMatchObject({ label: 'Previous', disabled: false });
    expect(page.embeds?.[0]?.description).not.toBe(reply.embeds?.[0]?.description);
  });

  it('asks someone who floods to wait, politely and privately', async () => {
    const asker = newAsker();
    const first = await ask('who', { name: 'Huckabee' }, asker);
    const second = await ask('who', { name: 'Huckabee' }, asker);
    expect(first.reply.embeds?.length).toBeGreaterThan(0);
    expect(second.reply).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/Please wait \d s/u) });
  });

  it('tells the asker privately when a command is unknown', async () => {
    const { reply } = await ask('frobnicate', {});
    expect(reply).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/npm run deploy/u) });
  });

  it('catches a failure in one place: logs it with the interaction id and answers privately', async () => {
    const interaction = chatInput(harness.emulator, 'who', { name: 'Smotrich' }, newAsker());
    const callback = `/interactions/${interaction.id}/${interaction.token}/callback`;
    harness.emulator.failNext((request) => request.path === callback, 400, { message: 'Invalid Form Body', code: 50035 });
    const apology = harness.emulator.waitForRequest((request) => request.path === callback && request.status === 204);
    harness.emulator.interact(interaction);
    expect(messageOf(await apology)).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining(interaction.id) });
    expect(await harness.logged((record) => record.interactionId === interaction.id && record.msg === 'interaction failed')).toMatchObject({ level: 50, toldUser: true });
  });

  it('sends every message within Discord limits and with mentions off', () => {
    expect(expectEveryMessageSendable(harness.emulator.requests)).toBeGreaterThan(10);
  });

  it.skipIf(!hasDiscordSpec)("sends only bodies that Discord's OpenAPI spec accepts", () => {
    expect(specProblems(harness.emulator.requests)).toEqual([]);
  });
});

describe('the bot with short timings', () => {
  let quick: Harness;
  beforeAll(async () => {
    quick = await startHarness({
      corpusDir: corpus.dir,
      timings: { pageLifetimeMs: 300, deferFromPassages: 0, cooldownMs: 0 },
      emulator: { heartbeatIntervalMs: 100 },
    });
  });
  afterAll(() => quick.stop());

  it('defers first, then edits in the answer, keeping it private', async () => {
    const interaction = chatInput(quick.emulator, 'who', { name: 'Witkoff', private: true }, newAsker());
    const edited = quick.edit(interaction);
    expect((await quick.send(interaction)).body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const answer = messageOf(await edited) ?? {};
    expectSendable(answer);
    expect(answer.embeds?.[0]?.description).toMatch(/Witkoff/u);
  });

  it('removes the page buttons when they expire, and says so if pressed', async () => {
    const asker = newAsker();
    const interaction = chatInput(quick.emulator, 'when', { event: 'ceasefire' }, asker);
    const expired = quick.edit(interaction, (request) => Array.isArray(messageOf(request)?.components) && messageOf(request)?.components?.length === 0);
    await quick.send(interaction);
    const firstPage = await quick.edit(interaction);
    const next = buttonsOf(messageOf(firstPage))[1]?.custom_id ?? '';
    expect(messageOf(await expired)?.allowed_mentions).toEqual({ parse: [] });
    const message = quick.emulator.messageOf(interaction.id);
    if (!message) throw new Error('the reply should be a message');
    const late = await quick.send(buttonPress(quick.emulator, next, message, asker));
    expect(late.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, content: expect.stringMatching(/expired/u) } });
  });

  it('replaces a public placeholder with a private apology when the answer cannot be sent', async () => {
    const interaction = chatInput(quick.emulator, 'who', { name: 'Huckabee' }, newAsker());
    const original = `/webhooks/${quick.emulator.applicationId}/${interaction.token}/messages/@original`;
    quick.emulator.failNext((request) => request.method === 'PATCH' && request.path === original, 400, { message: 'Invalid Form Body', code: 50035 });
    const deleted = quick.emulator.waitForRequest((request) => request.method === 'DELETE' && request.path === original);
    const followUp = quick.emulator.waitForRequest((request) => request.method === 'POST' && request.path === `/webhooks/${quick.emulator.applicationId}/${interaction.token}`);
    quick.emulator.interact(interaction);
    await deleted;
    expect(messageOf(await followUp)).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining(interaction.id) });
  });

  it('keeps one gateway connection alive through heartbeats and their acknowledgements', () => {
    expect(quick.emulator.gatewayFrames.filter((frame) => frame.op === 1).length).toBeGreaterThan(1);
    expect(quick.emulator.gatewayUrls).toHaveLength(1);
    expect(quick.emulator.connectionCount).toBe(1);
  });

  it.skipIf(!hasDiscordSpec)("sends only bodies that Discord's OpenAPI spec accepts", () => {
    expect(specProblems(quick.emulator.requests)).toEqual([]);
  });
});
