import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { commands } from '../../commands/index.ts';
import { ConfigError, type Config } from '../config.ts';
import { CorpusStore, nodeFileSystem, type CorpusFileSystem } from '../corpus-store/corpus-store.ts';
import { watchCorpus } from '../corpus-watch.ts';
import { workerBuilder } from '../library-build.ts';
import { LibraryService } from '../library-service.ts';
import type { Logger } from '../logger.ts';
import { Cooldown } from './cooldown.ts';
import type { BotContext } from './context.ts';
import { createDispatcher } from './dispatcher.ts';
import { DEFAULT_DOWNLOAD_TIMEOUT_MS } from './download-attachment.ts';
import { InFlight } from './in-flight.ts';
import { DEFAULT_PAGE_LIFETIME_MS, PageStore } from './pages.ts';
import { NO_MENTIONS } from './reply.ts';
import { giveUpOnRateLimit } from './rest-policy.ts';
import { FAREWELL_WITHIN_MS, sayRestarting, SHUTDOWN_GRACE_MS } from './shutdown.ts';

/** Timings that tests shorten; people never need to change them. */
export interface BotTimings {
  /** Pause a person must leave between commands. */
  cooldownMs?: number;
  /** How long Previous/Next keep working. */
  pageLifetimeMs?: number;
  /** From this many passages on, answers are deferred before searching. */
  deferFromPassages?: number;
  /** How long a REST request may take before discord.js aborts and retries it (its default: 15 s). */
  restTimeoutMs?: number;
  /** How long /corpus add may take to download an attachment. */
  downloadTimeoutMs?: number;
  /** How often /reload shows the build's progress. */
  progressEveryMs?: number;
}

/** What tests replace to make the bot fail on purpose. */
export interface BotDependencies {
  /** The file operations of /corpus: a wrapper can fail a write as a full disk would. */
  corpusFileSystem?: CorpusFileSystem;
}

export interface RunningBot {
  readonly client: Client<true>;
  readonly library: LibraryService;
  /** Settles when the first load has ended, whether it succeeded or not. */
  readonly loaded: Promise<void>;
  /**
   * Resolves with the close code when Discord ends the gateway connection for good (a revoked token,
   * intents or sharding it refuses: discord.js will not reconnect), so that the process can exit and
   * its supervisor start it again rather than stay up deaf.
   */
  readonly connectionLost: Promise<number>;
  /** Finishes the answers under way (or says it is restarting), then disconnects and forgets paged replies. */
  stop(): Promise<void>;
}

export const DEFAULT_COOLDOWN_MS = 2000;
/**
 * Below this many passages a search takes milliseconds, far inside Discord's
 * 3 s; above it the bot defers first rather than count on it.
 */
export const DEFAULT_DEFER_FROM_PASSAGES = 20_000;

/** A build shorter than this ends before its first progress edit: only long reloads show progress. */
export const DEFAULT_PROGRESS_EVERY_MS = 3000;

/**
 * The discord.js client: guild events only, no mention ever parsed, REST
 * through DISCORD_API_URL when set. discord.js retries 5xx and timeouts and
 * waits out rate limits; giveUpOnRateLimit stops it waiting where the answer
 * would come too late to matter.
 */
export function createClient(config: Pick<Config, 'DISCORD_API_URL'>, restTimeoutMs?: number): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    rest: {
      rejectOnRateLimit: (limit) => giveUpOnRateLimit(limit),
      ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}),
      ...(restTimeoutMs ? { timeout: restTimeoutMs } : {}),
    },
  });
}

async function logIn(client: Client, token: string): Promise<void> {
  try {
    await client.login(token);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'TokenInvalid') throw error;
    throw new ConfigError(
      'DISCORD_TOKEN: Discord refused the token. Reset it in the developer portal (your application → Bot → Reset Token) and set DISCORD_TOKEN in .env.',
    );
  }
}

/** `npm start` with a token: connects, then loads the Library off the event loop, and serves the slash commands. */
export async function startBot(config: Config, logger: Logger, timings: BotTimings = {}, dependencies: BotDependencies = {}): Promise<RunningBot> {
  if (!config.DISCORD_TOKEN) throw new Error('startBot needs DISCORD_TOKEN');
  // Connect first, then load: until the first Library is ready, questions are told it is loading.
  const library = new LibraryService(config.CORPUS_DIR, workerBuilder(config.CACHE_DIR, logger));
  const pages = new PageStore(timings.pageLifetimeMs ?? DEFAULT_PAGE_LIFETIME_MS);
  const context: BotContext = {
    library,
    pages,
    cooldown: new Cooldown(timings.cooldownMs ?? DEFAULT_COOLDOWN_MS),
    logger,
    moderatorRoleIds: config.MODERATOR_ROLE_IDS,
    corpus: new CorpusStore(config.CORPUS_DIR, { fs: dependencies.corpusFileSystem ?? nodeFileSystem, logger }),
    attachmentDownloads: { allowedOrigins: config.ATTACHMENT_ORIGINS, timeoutMs: timings.downloadTimeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS },
    deferFromPassages: timings.deferFromPassages ?? DEFAULT_DEFER_FROM_PASSAGES,
    progressEveryMs: timings.progressEveryMs ?? DEFAULT_PROGRESS_EVERY_MS,
  };
  const client = createClient(config, timings.restTimeoutMs);
  const dispatch = createDispatcher(commands, context);
  const inFlight = new InFlight();
  let stopping = false;
  client.on(Events.InteractionCreate, (interaction) => {
    inFlight.track(interaction, stopping ? sayRestarting([interaction], logger) : dispatch(interaction));
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'Discord client error'));
  const connectionLost = new Promise<number>((resolve) => {
    client.on(Events.ShardDisconnect, ({ code }) => {
      logger.fatal({ code }, 'Discord closed the gateway for good; discord.js will not reconnect');
      resolve(code);
    });
  });
  client.on(Events.Warn, (message) => logger.warn(message));
  const ready = once(client, Events.ClientReady) as Promise<[Client<true>]>;
  await logIn(client, config.DISCORD_TOKEN);
  const [readyClient] = await ready;
  const watcher = config.CORPUS_WATCH ? watchCorpus(library, logger) : undefined;
  logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, 'connected to Discord');
  const loaded = library.reload().then(({ outcome }) => {
    if (!outcome.ok) logger.error({ reason: outcome.reason }, 'could not load the corpus; fix CORPUS_DIR and run /reload');
    else for (const problem of outcome.diff.problems) logger.warn({ file: problem.file, skipped: problem.skipped }, problem.reason);
  });
  return {
    client: readyClient,
    library,
    loaded,
    connectionLost,
    async stop() {
      stopping = true;
      const unanswered = await inFlight.settle(SHUTDOWN_GRACE_MS);
      if (unanswered.length > 0) logger.warn({ interactionIds: unanswered.map((interaction) => interaction.id) }, 'stopping before these were answered');
      await sayRestarting(unanswered, logger);
      // Interactions that arrived meanwhile are being told the bot is restarting; let those messages leave.
      await inFlight.settle(FAREWELL_WITHIN_MS);
      pages.clear();
      await watcher?.close();
      await client.destroy();
    },
  };
}
