import { once } from 'node:events';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { parseConfig } from '../../src/config.ts';
import { startBot } from '../../src/discord/bot.ts';
import { registerCommands } from '../../src/discord/register-commands.ts';
import { BOT_TOKEN } from '../support/bot-harness.ts';
import { SEED_CORPUS } from '../support/corpus-dir.ts';
import { messageOf } from '../support/discord-checks.ts';
import { DiscordEmulator } from '../support/discord-emulator.ts';
import { hasDiscordSpec, specProblems } from '../support/discord-openapi.ts';
import { chatInput, newAsker } from '../support/interactions.ts';
import { completion, runScript, spawnScript } from '../support/run-cli.ts';

let emulator: DiscordEmulator;

beforeAll(async () => {
  emulator = await DiscordEmulator.start({ token: BOT_TOKEN });
});
afterAll(() => emulator.close());

const discordEnv = (): Record<string, string> => ({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_API_URL: emulator.apiUrl, CORPUS_DIR: SEED_CORPUS });

describe('registering the commands (npm run deploy)', () => {
  it('registers the commands in DISCORD_GUILD_ID when set', async () => {
    const run = await runScript('src/discord/deploy.ts', [], {
      env: { ...discordEnv(), DISCORD_CLIENT_ID: emulator.applicationId, DISCORD_GUILD_ID: emulator.guildId },
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`Registered /who, /when, /quote, /sources, /reload in server ${emulator.guildId} (available now).\n`);
    const put = emulator.requests.find((request) => request.method === 'PUT' && request.path === `/applications/${emulator.applicationId}/guilds/${emulator.guildId}/commands`);
    const commands = put?.body as { name: string; default_member_permissions?: string; contexts?: number[]; options?: { name: string; autocomplete?: boolean }[] }[];
    expect(commands.map((command) => command.name)).toEqual(['who', 'when', 'quote', 'sources', 'reload']);
    expect(commands.find((command) => command.name === 'reload')).toMatchObject({ default_member_permissions: '32', contexts: [0] });
    expect(commands.find((command) => command.name === 'who')?.options).toContainEqual(expect.objectContaining({ name: 'name', autocomplete: true }));
  });

  it('registers them globally without DISCORD_GUILD_ID', async () => {
    const registration = await registerCommands({ token: BOT_TOKEN, clientId: emulator.applicationId, apiUrl: emulator.apiUrl }, commands.values());
    expect(registration).toEqual({ scope: 'global', names: ['who', 'when', 'quote', 'sources', 'reload'] });
    expect(emulator.requests.some((request) => request.method === 'PUT' && request.path === `/applications/${emulator.applicationId}/commands`)).toBe(true);
  });

  it('reports a refusal from Discord', async () => {
    const elsewhere = { token: BOT_TOKEN, clientId: '123456789012345678', apiUrl: emulator.apiUrl };
    await expect(registerCommands(elsewhere, commands.values())).rejects.toMatchObject({ status: 403 });
  });
});

describe('npm start with DISCORD_TOKEN', () => {
  it('connects, loads, answers, and shuts down cleanly on SIGTERM', async () => {
    const child = spawnScript('src/main.ts', [], discordEnv());
    const exited = completion(child);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // It connects first, then loads the corpus: ask once both are done.
    while (!stderr.includes('connected to Discord') || !stderr.includes('library built')) await once(child.stderr, 'data');
    const interaction = chatInput(emulator, 'who', { name: 'Smotrich' }, newAsker());
    const reply = emulator.waitForRequest((request) => request.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    emulator.interact(interaction);
    expect(messageOf(await reply)?.embeds?.[0]?.description).toMatch(/Smotrich/u);
    child.kill('SIGTERM');
    const run = await exited;
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/"signal":"SIGTERM".*shutting down/u);
    expect(emulator.connectionCount).toBe(0);
  });

  it('stops with the variable and the fix when Discord refuses the token', async () => {
    const config = parseConfig({ ...discordEnv(), DISCORD_TOKEN: 'not.the.token' });
    await expect(startBot(config, pino({ level: 'silent' }))).rejects.toThrow(/^DISCORD_TOKEN: Discord refused the token\. Reset it in the developer portal/u);
  });

  it.skipIf(!hasDiscordSpec)("sends only bodies that Discord's OpenAPI spec accepts", () => {
    expect(specProblems(emulator.requests)).toEqual([]);
  });
});
