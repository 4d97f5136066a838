import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { APIInteraction } from 'discord.js';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { startBot, type BotDependencies, type BotTimings, type RunningBot } from '../../src/discord/bot.ts';
import { DiscordEmulator, type EmulatorOptions, type RecordedRequest } from './discord-emulator.ts';

export const BOT_TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAw.GqX7b2.emulatedSignature-Zk9pLw3VYqT8sN1x';

/** The real bot, started as `npm start` starts it, connected to a fresh emulator. */
/**
 * How long a test waits for a deferred reply's edit, or a log line, that may come after a reload:
 * Discord allows 15 minutes, and a reload waits for a worker build sharing two cores with the rest
 * of the suite.
 */
const DEFERRED_REPLY_WAIT_MS = 30_000;

export interface Harness {
  emulator: DiscordEmulator;
  bot: RunningBot;
  /** Every log record the bot wrote (a test may empty it; the token check at stop sees every line regardless). */
  logs: Record<string, unknown>[];
  /** Resolves with the first log record (written or yet to come) that matches. */
  logged(matches: (record: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Dispatches the interaction and resolves with the bot's first response (the callback). */
  send(interaction: APIInteraction): Promise<RecordedRequest>;
  /** Resolves with the bot's next edit of the interaction's original response (that `matches`, within `timeoutMs`). */
  edit(interaction: APIInteraction, matches?: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Stops the bot and the emulator, and fails if any log line held a secret (see holdsSecret). */
  stop(): Promise<void>;
}

export interface HarnessOptions {
  corpusDir: string;
  env?: Record<string, string>;
  timings?: BotTimings;
  dependencies?: BotDependencies;
  emulator?: Omit<EmulatorOptions, 'token'>;
  /** False to start sending while the corpus still loads; by default the harness waits for the first load. */
  waitForLibrary?: boolean;
}

const originalPath = (emulator: DiscordEmulator, interaction: APIInteraction): string =>
  `/webhooks/${emulator.applicationId}/${interaction.token}/messages/@original`;

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const emulator = await DiscordEmulator.start({ token: BOT_TOKEN, ...options.emulator });
  const logs: Record<string, unknown>[] = [];
  let lines = 0;
  const leaks: string[] = [];
  const logger = createLogger('debug', {
    write: (line: string) => {
      lines += 1;
      if (holdsSecret(line)) leaks.push(line);
      logs.push(JSON.parse(line) as Record<string, unknown>);
    },
  });
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'verbatim-cache-'));
  const config = parseConfig({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_API_URL: emulator.apiUrl, CORPUS_DIR: options.corpusDir, CACHE_DIR: cacheDir, ...options.env });
  const bot = await startBot(config, logger, options.timings, options.dependencies);
  if (options.waitForLibrary !== false) await bot.loaded;
  return {
    emulator,
    bot,
    logs,
    async logged(matches, timeoutMs = DEFERRED_REPLY_WAIT_MS) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const record = logs.find(matches);
        if (record) return record;
        if (performance.now() > deadline) throw new Error(`the bot logged nothing matching within ${timeoutMs} ms`);
        await sleep(10);
      }
    },
    send(interaction) {
      const response = emulator.waitForRequest((request) => request.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
      emulator.interact(interaction);
      return response;
    },
    edit(interaction, matches = () => true, timeoutMs = DEFERRED_REPLY_WAIT_MS) {
      return emulator.waitForRequest((request) => request.method === 'PATCH' && request.path === originalPath(emulator, interaction) && matches(request), timeoutMs);
    },
    async stop() {
      await bot.stop();
      await emulator.close();
      await rm(cacheDir, { recursive: true, force: true });
      if (leaks.length > 0) throw new Error(`${leaks.length} of the ${lines} log lines of a bot run hold a secret`);
    },
  };
}

/**
 * Whether `text` holds a secret: the bot's token, whole or its signing part (the part that makes it a
 * secret), or an interaction's token (test/support/interactions.ts names them so), which answers as
 * the bot for 15 minutes.
 */
export function holdsSecret(text: string): boolean {
  const signature = BOT_TOKEN.split('.')[2] ?? BOT_TOKEN;
  return text.includes(BOT_TOKEN) || text.includes(signature) || /interaction-token-\d/u.test(text);
}
