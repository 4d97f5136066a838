import { setTimeout as sleep } from 'node:timers/promises';
import type { APIInteraction } from 'discord.js';
import pino from 'pino';
import { parseConfig } from '../../src/config.ts';
import { startBot, type BotTimings, type RunningBot } from '../../src/discord/bot.ts';
import { DiscordEmulator, type EmulatorOptions, type RecordedRequest } from './discord-emulator.ts';

export const BOT_TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAw.GqX7b2.emulatedSignature-Zk9pLw3VYqT8sN1x';

/** The real bot, started as `npm start` starts it, connected to a fresh emulator. */
export interface Harness {
  emulator: DiscordEmulator;
  bot: RunningBot;
  /** Every log record the bot wrote. */
  logs: Record<string, unknown>[];
  /** Resolves with the first log record (written or yet to come) that matches. */
  logged(matches: (record: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Dispatches the interaction and resolves with the bot's first response (the callback). */
  send(interaction: APIInteraction): Promise<RecordedRequest>;
  /** Resolves with the bot's next edit of the interaction's original response. */
  edit(interaction: APIInteraction, matches?: (request: RecordedRequest) => boolean): Promise<RecordedRequest>;
  /** Stops the bot and the emulator, and fails if any log line held the bot's token. */
  stop(): Promise<void>;
}

export interface HarnessOptions {
  corpusDir: string;
  env?: Record<string, string>;
  timings?: BotTimings;
  emulator?: Omit<EmulatorOptions, 'token'>;
}

const originalPath = (emulator: DiscordEmulator, interaction: APIInteraction): string =>
  `/webhooks/${emulator.applicationId}/${interaction.token}/messages/@original`;

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const emulator = await DiscordEmulator.start({ token: BOT_TOKEN, ...options.emulator });
  const logs: Record<string, unknown>[] = [];
  const lines: string[] = [];
  const logger = pino({ level: 'debug', base: null }, {
    write: (line: string) => {
      lines.push(line);
      logs.push(JSON.parse(line) as Record<string, unknown>);
    },
  });
  const config = parseConfig({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_API_URL: emulator.apiUrl, CORPUS_DIR: options.corpusDir, ...options.env });
  const bot = await startBot(config, logger, options.timings);
  return {
    emulator,
    bot,
    logs,
    async logged(matches, timeoutMs = 5000) {
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
    edit(interaction, matches = () => true) {
      return emulator.waitForRequest((request) => request.method === 'PATCH' && request.path === originalPath(emulator, interaction) && matches(request));
    },
    async stop() {
      await bot.stop();
      await emulator.close();
      expectNoSecret(lines.join(''), `the logs of a bot run (${lines.length} lines)`);
    },
  };
}

/** Throws when `text` holds the bot's token, whole or as the part that identifies the bot and the part that signs it. */
export function expectNoSecret(text: string, where: string): void {
  const [, , signature] = BOT_TOKEN.split('.');
  if (text.includes(BOT_TOKEN) || (signature && text.includes(signature))) throw new Error(`${where} contain the bot's token`);
}
