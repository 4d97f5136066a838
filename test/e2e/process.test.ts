import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { APIInteraction } from 'discord.js';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { parseConfig } from '../../src/config.ts';
import { startBot } from '../../src/discord/bot.ts';
import { registerCommands } from '../../src/discord/register-commands.ts';
import { RESTARTING_MESSAGE } from '../../src/discord/shutdown.ts';
import { BOT_TOKEN, holdsSecret } from '../support/bot-harness.ts';
import { SEED_CORPUS } from '../support/corpus-dir.ts';
import { EPHEMERAL, messageOf } from '../support/discord-checks.ts';
import { DiscordEmulator, type RecordedRequest } from '../support/discord-emulator.ts';
import { hasDiscordSpec, specProblems } from '../support/discord-openapi.ts';
import { chatInput, newAsker, PERMISSIONS } from '../support/interactions.ts';
import { completion, runScript, spawnScript, type CliRun } from '../support/run-cli.ts';

let emulator: DiscordEmulator;

beforeAll(async () => {
  emulator = await DiscordEmulator.start({ token: BOT_TOKEN });
});
afterAll(() => emulator.close());

const discordEnv = (): Record<string, string> => ({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_API_URL: emulator.apiUrl, CORPUS_DIR: SEED_CORPUS });

/** `npm start` as a child process, resolved once it is connected; `exited` resolves with its whole output. */
async function startBotProcess(env: Record<string, string> = {}): Promise<{ kill: (signal: NodeJS.Signals) => void; exited: Promise<CliRun> }> {
  const child = spawnScript('src/main.ts', [], { ...discordEnv(), ...env });
  const exited = completion(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // It connects first, then loads the corpus: ask once both are done.
  while (!stderr.includes('connected to Discord') || !stderr.includes('library built')) await once(child.stderr, 'data');
  return { kill: (signal) => child.kill(signal), exited };
}

const isCallbackOf = (interaction: APIInteraction) => (request: RecordedRequest): boolean => request.path === `/interactions/${interaction.id}/${interaction.token}/callback`;
const webhookOf = (interaction: APIInteraction): string => `/webhooks/${emulator.applicationId}/${interaction.token}`;

describe('registering the commands (npm run deploy)', () => {
  it('registers the commands in DISCORD_GUILD_ID when set', async () => {
    const run = await runScript('src/discord/deploy.ts', [], {
      env: { ...discordEnv(), DISCORD_CLIENT_ID: emulator.applicationId, DISCORD_GUILD_ID: emulator.guildId },
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`Registered /who, /when, /quote, /sources, /reload, /corpus in server ${emulator.guildId} (available now).\n`);
    const put = emulator.requests.find((request) => request.method === 'PUT' && request.path === `/applications/${emulator.applicationId}/guilds/${emulator.guildId}/commands`);
    const commands = put?.body as { name: string; default_member_permissions?: string; contexts?: number[]; options?: { name: string; autocomplete?: boolean }[] }[];
    expect(commands.map((command) => command.name)).toEqual(['who', 'when', 'quote', 'sources', 'reload', 'corpus']);
    expect(commands.find((command) => command.name === 'reload')).toMatchObject({ default_member_permissions: '32', contexts: [0] });
    expect(commands.find((command) => command.name === 'corpus')).toMatchObject({ default_member_permissions: '32', contexts: [0] });
    expect(commands.find((command) => command.name === 'corpus')?.options?.map((option) => option.name)).toEqual(['add', 'remove', 'restore']);
    expect(commands.find((command) => command.name === 'who')?.options).toContainEqual(expect.objectContaining({ name: 'name', autocomplete: true }));
  });

  it('registers them globally without DISCORD_GUILD_ID', async () => {
    const registration = await registerCommands({ token: BOT_TOKEN, clientId: emulator.applicationId, apiUrl: emulator.apiUrl }, commands.values());
    expect(registration).toEqual({ scope: 'global', names: ['who', 'when', 'quote', 'sources', 'reload', 'corpus'] });
    expect(emulator.requests.some((request) => request.method === 'PUT' && request.path === `/applications/${emulator.applicationId}/commands`)).toBe(true);
  });

  it('reports a refusal from Discord', async () => {
    const elsewhere = { token: BOT_TOKEN, clientId: '123456789012345678', apiUrl: emulator.apiUrl };
    await expect(registerCommands(elsewhere, commands.values())).rejects.toMatchObject({ status: 403 });
  });
});

describe('npm start with DISCORD_TOKEN', () => {
  it('connects and answers; on SIGTERM finishes the answers under way, tells the rest it is restarting, closes the gateway and exits 0 within 10 s', async () => {
    const bot = await startBotProcess({ LOG_LEVEL: 'debug' });
    const first = chatInput(emulator, 'who', { name: 'Smotrich' }, newAsker());
    const reply = emulator.waitForRequest(isCallbackOf(first));
    emulator.interact(first);
    expect(messageOf(await reply)?.embeds?.[0]?.description).toMatch(/Smotrich/u);
    const slowAnswer = chatInput(emulator, 'who', { name: 'Smotrich' }, newAsker());
    const stuckReload = chatInput(emulator, 'reload', {}, newAsker({ permissions: PERMISSIONS.manageGuild }));
    // Discord takes the answer but is slow to say so; the reload's result hangs longer than the bot will wait.
    emulator.inject({ matches: isCallbackOf(slowAnswer), delayMs: 1500 });
    emulator.inject({ matches: (request) => request.method === 'PATCH' && request.path === `${webhookOf(stuckReload)}/messages/@original`, delayMs: 20_000 });
    const underWay = Promise.all([
      emulator.waitForRequest(isCallbackOf(slowAnswer)),
      emulator.waitForRequest((request) => request.method === 'PATCH' && request.path.startsWith(webhookOf(stuckReload))),
    ]);
    emulator.interact(slowAnswer);
    emulator.interact(stuckReload);
    await underWay;
    const stoppedAt = performance.now();
    bot.kill('SIGTERM');
    await sleep(200);
    const late = chatInput(emulator, 'who', { name: 'Witkoff' }, newAsker());
    const lateReply = emulator.waitForRequest(isCallbackOf(late));
    emulator.interact(late);
    const run = await bot.exited;
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/"signal":"SIGTERM".*shutting down/u);
    expect(performance.now() - stoppedAt).toBeLessThan(10_000);
    expect(run.stderr).toContain(`"interactionId":"${slowAnswer.id}","type":2,"ms":`);
    const farewells = emulator.requests.filter((request) => request.method === 'POST' && request.path === webhookOf(stuckReload));
    expect(farewells.map(messageOf)).toEqual([expect.objectContaining({ flags: EPHEMERAL, content: RESTARTING_MESSAGE })]);
    expect(messageOf(await lateReply)).toMatchObject({ flags: EPHEMERAL, content: RESTARTING_MESSAGE });
    expect(emulator.gateway.closes.at(-1)).toEqual({ code: 1000, by: 'bot' });
    expect(emulator.connectionCount).toBe(0);
    expect(holdsSecret(run.stderr + run.stdout)).toBe(false);
  });

  it('exits 1, for its supervisor to restart it, when Discord closes the gateway for good', async () => {
    const bot = await startBotProcess();
    emulator.gateway.close(4014);
    const run = await bot.exited;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/"code":4014.*Discord closed the gateway for good/u);
    expect(emulator.connectionCount).toBe(0);
  });

  it('never shows the token, even in the crash report when Discord refuses it', async () => {
    const refusedToken = `${BOT_TOKEN.slice(0, -4)}Zz9Q`;
    // Every in-process bot run of the suite checks its own log lines at stop (test/support/bot-harness.ts).
    const refused = await runScript('src/main.ts', [], { env: { ...discordEnv(), DISCORD_TOKEN: refusedToken, LOG_LEVEL: 'trace' } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^DISCORD_TOKEN: Discord refused the token/mu);
    expect(refused.stderr + refused.stdout).not.toContain(refusedToken.split('.')[2]);
  });

  it('stops with the variable and the fix when Discord refuses the token', async () => {
    const config = parseConfig({ ...discordEnv(), DISCORD_TOKEN: 'not.the.token' });
    await expect(startBot(config, pino({ level: 'silent' }))).rejects.toThrow(/^DISCORD_TOKEN: Discord refused the token\. Reset it in the developer portal/u);
  });

  it.skipIf(!hasDiscordSpec)("sends only bodies that Discord's OpenAPI spec accepts", () => {
    expect(specProblems(emulator.requests)).toEqual([]);
  });
});
