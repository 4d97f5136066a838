import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIInteraction } from 'discord.js';
import pino from 'pino';
import { parseConfig } from '../../src/config.ts';
import { startBot, type BotTimings, type RunningBot } from '../../src/discord/bot.ts';
import { DiscordEmulator, type EmulatorOptions, type RecordedRequest } from './discord-emulator.ts';

export const BOT_TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAw.emulated.token';

/** The real bot, started as `npm start` starts it, connected to a fresh emulator. */
export interface Harness {
  emulator: DiscordEmulator;
  bot: RunningBot;
  /** Every log record the bot wrote. */
  logs: Record<string, unknown>[];
  /** Dispatches the interaction and resolves with the bot's first response (the callback). */
  send(interaction: APIInteraction): Promise<RecordedRequest>;
  /** Resolves with the bot's next edit of the interaction's original response (that `matches`, within `timeoutMs`). */
  edit(interaction: APIInteraction, matches?: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  corpusDir: string;
  env?: Record<string, string>;
  timings?: BotTimings;
  emulator?: Omit<EmulatorOptions, 'token'>;
  /** False to start sending while the corpus still loads; by default the harness waits for the first load. */
  waitForLibrary?: boolean;
}

const originalPath = (emulator: DiscordEmulator, interaction: APIInteraction): string =>
  `/webhooks/${emulator.applicationId}/${interaction.token}/messages/@original`;

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const emulator = await DiscordEmulator.start({ token: BOT_TOKEN, ...options.emulator });
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug', base: null }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'verbatim-cache-'));
  const config = parseConfig({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_API_URL: emulator.apiUrl, CORPUS_DIR: options.corpusDir, CACHE_DIR: cacheDir, ...options.env });
  const bot = await startBot(config, logger, options.timings);
  if (options.waitForLibrary !== false) await bot.loaded;
  return {
    emulator,
    bot,
    logs,
    send(interaction) {
      const response = emulator.waitForRequest((request) => request.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
      emulator.interact(interaction);
      return response;
    },
    edit(interaction, matches = () => true, timeoutMs) {
      return emulator.waitForRequest((request) => request.method === 'PATCH' && request.path === originalPath(emulator, interaction) && matches(request), timeoutMs);
    },
    async stop() {
      await bot.stop();
      await emulator.close();
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}
