import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIInteraction, APIMessage, APIUser } from 'discord.js';
import { DISCORD_ERRORS, FaultPlan, type FaultResponse, type RestFault } from './emulator-faults.ts';
import { EmulatedGateway, GATEWAY_PATH } from './emulator-gateway.ts';

export type { GatewayClose, GatewayFrame } from './emulator-gateway.ts';

/**
 * A local fake of the parts of Discord a bot uses: REST on node:http and a
 * gateway on ws, on 127.0.0.1 with a random port. The real discord.js Client
 * connects to it through `rest.api`; every request it makes is recorded so
 * tests can assert on what the bot sent. Written by hand because no
 * maintained package emulates Discord for discord.js. The gateway lives in
 * emulator-gateway.ts and the injectable REST faults in emulator-faults.ts;
 * the emulator keeps its own clock, so a test can age tokens without waiting.
 */

/** One HTTP request the bot made. */
export interface RecordedRequest {
  method: string;
  /** The path after /api/v10, percent-decoded per segment (`@original`). */
  path: string;
  /** The path as it arrived, before decoding. */
  rawPath: string;
  query: URLSearchParams;
  contentType: string | undefined;
  authorization: string | undefined;
  body: unknown;
  /** What the emulator answered. */
  status: number;
  /** When the request arrived (performance.now()). */
  receivedAt: number;
}

export interface EmulatorOptions {
  /** The bot token the emulator accepts; anything else gets 401. */
  token: string;
  applicationId?: string;
  guildId?: string;
  /** Roles of the guild besides @everyone, so discord.js can resolve members' roles. */
  roles?: readonly { id: string; name: string; permissions?: string }[];
  heartbeatIntervalMs?: number;
  /** Discord forgets an interaction not acknowledged within 3 s. */
  acknowledgeWithinMs?: number;
  /** An interaction's token works for edits and follow-ups for 15 minutes. */
  tokenLifetimeMs?: number;
}

interface InteractionState {
  interaction: APIInteraction;
  /** On the emulator's clock. */
  dispatchedAt: number;
  /** performance.now() at dispatch, to time the bot's answers. */
  dispatchedAtPerf: number;
  acknowledged: boolean;
  /** The message the interaction's response created, once there is one. */
  message?: APIMessage;
}

interface Waiter {
  matches: (request: RecordedRequest) => boolean;
  resolve: (request: RecordedRequest) => void;
}

const API_PREFIX = '/api/v10';
const DISCORD_EPOCH = 1_420_070_400_000n;
const TOKEN_LIFETIME_MS = 15 * 60 * 1000;

let snowflakeCounter = 0n;
/** Unique snowflakes as Discord makes them: the creation time in the high bits, then a counter. */
export function nextSnowflake(): string {
  snowflakeCounter += 1n;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (snowflakeCounter & 0x3f_ffffn)).toString();
}

export class DiscordEmulator {
  readonly requests: RecordedRequest[] = [];
  readonly applicationId: string;
  readonly guildId: string;
  readonly botUser: APIUser;
  readonly channelId = nextSnowflake();
  readonly gateway: EmulatedGateway;
  private readonly interactions = new Map<string, InteractionState>();
  private readonly waiters = new Set<Waiter>();
  private readonly faults = new FaultPlan();
  private readonly http: Server;
  private clockOffsetMs = 0;

  private constructor(private readonly options: EmulatorOptions) {
    this.applicationId = options.applicationId ?? nextSnowflake();
    this.guildId = options.guildId ?? nextSnowflake();
    this.botUser = { id: this.applicationId, username: 'Verbatim', discriminator: '0', global_name: null, avatar: null, bot: true };
    this.http = createServer((request, response) => void this.handle(request, response));
    this.gateway = new EmulatedGateway(this.http, {
      token: options.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      ready: () => ({ v: 10, user: this.botUser, guilds: [{ id: this.guildId, unavailable: true }], shard: [0, 1], application: { id: this.applicationId, flags: 0 } }),
      afterReady: () => [['GUILD_CREATE', this.guild()]],
      newSessionId: () => `session-${nextSnowflake()}`,
      resumeUrl: () => `ws://${this.origin}${GATEWAY_PATH}`,
    });
  }

  /** The gateway payloads the bot sent (IDENTIFY, heartbeats, RESUME …). */
  get gatewayFrames(): EmulatedGateway['frames'] {
    return this.gateway.frames;
  }

  /** The URL (path and query) of each gateway connection. */
  get gatewayUrls(): readonly string[] {
    return this.gateway.urls;
  }

  static async start(options: EmulatorOptions): Promise<DiscordEmulator> {
    const emulator = new DiscordEmulator(options);
    await new Promise<void>((resolve) => emulator.http.listen(0, '127.0.0.1', resolve));
    return emulator;
  }

  private get origin(): string {
    const { port } = this.http.address() as AddressInfo;
    return `127.0.0.1:${port}`;
  }

  /** The value for discord.js's `rest.api` (DISCORD_API_URL). */
  get apiUrl(): string {
    return `http://${this.origin}/api`;
  }

  /** Sends INTERACTION_CREATE to the bot (kept for RESUME while its connection is down). */
  interact(interaction: APIInteraction): void {
    this.interactions.set(interaction.id, { interaction, dispatchedAt: this.now(), dispatchedAtPerf: performance.now(), acknowledged: false });
    this.dispatch('INTERACTION_CREATE', interaction);
  }

  /** Milliseconds from dispatching the interaction to the arrival of `request`. */
  latencyOf(interactionId: string, request: RecordedRequest): number {
    const state = this.interactions.get(interactionId);
    if (!state) throw new Error(`no interaction ${interactionId} was dispatched`);
    return request.receivedAt - state.dispatchedAtPerf;
  }

  /** Moves the emulator's clock forward, ageing interactions and their tokens without waiting. */
  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  /** The message an interaction's response created or last edited. */
  messageOf(interactionId: string): APIMessage | undefined {
    return this.interactions.get(interactionId)?.message;
  }

  dispatch(event: string, data: unknown): void {
    this.gateway.dispatch(event, data);
  }

  /** Resolves with the first request (already recorded or yet to come) that matches. */
  waitForRequest(matches: (request: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const seen = this.requests.find(matches);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { matches, resolve: (request) => (clearTimeout(timer), resolve(request)) };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`the bot sent no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** The next request that matches gets this status and body instead of the normal answer. */
  failNext(matches: (request: RecordedRequest) => boolean, status: number, body: unknown): void {
    this.inject({ matches, response: { status, body } });
  }

  /** Plans a fault (a 429, a 5xx, a slow answer …) for the next `times` matching requests. */
  inject(fault: RestFault): void {
    this.faults.add(fault);
  }

  get connectionCount(): number {
    return this.gateway.connectionCount;
  }

  /** Forgets recorded requests, interactions and gateway frames, so that a long test measures only the bot's memory. */
  forget(): void {
    this.requests.length = 0;
    this.interactions.clear();
    this.gateway.forget();
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.http.close(() => resolve()));
    await this.gateway.stop();
    this.http.closeAllConnections();
    await closed;
  }

  private now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  private guild(): Record<string, unknown> {
    const everyone = { id: this.guildId, name: '@everyone', permissions: '0' };
    const roles = [everyone, ...(this.options.roles ?? [])].map((role, position) => ({
      color: 0, hoist: false, icon: null, unicode_emoji: null, managed: false, mentionable: false, flags: 0, position,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      ...role,
      permissions: role.permissions ?? '0',
    }));
    return {
      id: this.guildId, name: 'Emulated server', icon: null, splash: null, discovery_splash: null,
      owner_id: nextSnowflake(), afk_channel_id: null, afk_timeout: 300, verification_level: 0,
      default_message_notifications: 0, explicit_content_filter: 0, roles, emojis: [], stickers: [], features: [],
      mfa_level: 0, application_id: null, system_channel_id: null, system_channel_flags: 0, rules_channel_id: null,
      vanity_url_code: null, description: null, banner: null, premium_tier: 0, preferred_locale: 'en-US',
      public_updates_channel_id: null, nsfw_level: 0, premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null, unavailable: false, member_count: 2, large: false, joined_at: new Date().toISOString(),
      channels: [{ id: this.channelId, type: 0, name: 'general', position: 0, permission_overwrites: [], guild_id: this.guildId }],
      members: [], voice_states: [], presences: [], threads: [], stage_instances: [], guild_scheduled_events: [],
    };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', `http://${this.origin}`);
    const rawPath = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: rawPath.split('/').map(decodeURIComponent).join('/'),
      rawPath,
      query: url.searchParams,
      contentType: request.headers['content-type'],
      authorization: request.headers.authorization,
      body: await readJson(request),
      status: 0,
      receivedAt: performance.now(),
    };
    const fault = this.faults.take(recorded);
    const answer: FaultResponse = fault?.response ?? (url.pathname.startsWith(API_PREFIX) ? this.route(recorded) : DISCORD_ERRORS.notFound);
    recorded.status = answer.status;
    this.requests.push(recorded);
    for (const waiter of this.waiters) {
      if (!waiter.matches(recorded)) continue;
      this.waiters.delete(waiter);
      waiter.resolve(recorded);
    }
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    // A client that gave up waiting has closed the connection: there is no one to answer.
    if (response.destroyed) return;
    const headers = { ...answer.headers, ...(answer.body === undefined ? {} : { 'Content-Type': 'application/json' }) };
    response.writeHead(answer.status, headers).end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  }

  /** Answers a request as Discord would (a 204 has no body). */
  private route(request: RecordedRequest): FaultResponse {
    const { method, path } = request;
    const bot = request.authorization === `Bot ${this.options.token}`;
    if (method === 'GET' && path === '/gateway/bot') {
      if (!bot) return DISCORD_ERRORS.unauthorized;
      const limit = { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 };
      return { status: 200, body: { url: `ws://${this.origin}${GATEWAY_PATH}`, shards: 1, session_start_limit: limit } };
    }
    const callback = /^\/interactions\/(\d+)\/([^/]+)\/callback$/u.exec(path);
    if (method === 'POST' && callback) return this.acknowledge(callback[1] ?? '', callback[2] ?? '', request);
    const original = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/u.exec(path);
    if (original) return this.original(this.webhookState(original[1] ?? '', original[2] ?? ''), request);
    const followUp = /^\/webhooks\/(\d+)\/([^/]+)$/u.exec(path);
    if (method === 'POST' && followUp) {
      const state = this.webhookState(followUp[1] ?? '', followUp[2] ?? '');
      return 'interaction' in state ? { status: 200, body: this.message(state, request.body as Record<string, unknown>) } : state;
    }
    if (method === 'PUT' && /^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/u.test(path)) {
      if (!bot) return DISCORD_ERRORS.unauthorized;
      if (!path.startsWith(`/applications/${this.applicationId}/`)) return DISCORD_ERRORS.missingAccess;
      const commands = Array.isArray(request.body) ? (request.body as Record<string, unknown>[]) : [];
      return { status: 200, body: commands.map((command) => ({ id: nextSnowflake(), application_id: this.applicationId, version: nextSnowflake(), ...command })) };
    }
    return DISCORD_ERRORS.notFound;
  }

  private acknowledge(id: string, token: string, request: RecordedRequest): FaultResponse {
    const state = this.interactions.get(id);
    const deadline = this.options.acknowledgeWithinMs ?? 3000;
    if (!state || state.interaction.token !== token || this.now() - state.dispatchedAt > deadline) return DISCORD_ERRORS.unknownInteraction;
    if (state.acknowledged) return DISCORD_ERRORS.alreadyAcknowledged;
    state.acknowledged = true;
    const { type, data } = request.body as { type: number; data?: Record<string, unknown> };
    if (type === 4 || type === 5) state.message = this.message(state, type === 5 ? { flags: data?.flags ?? 0 } : (data ?? {}));
    if ((type === 6 || type === 7) && state.interaction.message) {
      const updated = { ...state.interaction.message, ...(type === 7 ? data : {}) } as APIMessage;
      state.message = updated;
      this.updateOwner(updated);
    }
    if (request.query.get('with_response') !== 'true') return { status: 204 };
    return { status: 200, body: { interaction: { id, type: state.interaction.type }, resource: state.message ? { type, message: state.message } : { type } } };
  }

  /** A component's update also changes the message seen through the original interaction's webhook. */
  private updateOwner(message: APIMessage): void {
    for (const state of this.interactions.values()) if (state.message?.id === message.id) state.message = message;
  }

  private original(found: InteractionState | FaultResponse, request: RecordedRequest): FaultResponse {
    if (!('interaction' in found)) return found;
    const state = found;
    if (!state.message) return DISCORD_ERRORS.unknownWebhook;
    if (request.method === 'DELETE') {
      delete state.message;
      return { status: 204 };
    }
    if (request.method === 'GET') return { status: 200, body: state.message };
    if (request.method !== 'PATCH') return DISCORD_ERRORS.notFound;
    const edited = { ...state.message, ...(request.body as Record<string, unknown>), edited_timestamp: new Date().toISOString() } as APIMessage;
    state.message = edited;
    return { status: 200, body: edited };
  }

  /** The acknowledged interaction an interaction token names, or Discord's error while its token is unknown or dead. */
  private webhookState(applicationId: string, token: string): InteractionState | FaultResponse {
    const state = applicationId === this.applicationId ? [...this.interactions.values()].find((candidate) => candidate.interaction.token === token) : undefined;
    if (!state?.acknowledged) return DISCORD_ERRORS.unknownWebhook;
    if (this.now() - state.dispatchedAt > (this.options.tokenLifetimeMs ?? TOKEN_LIFETIME_MS)) return DISCORD_ERRORS.invalidWebhookToken;
    return state;
  }

  private message(state: InteractionState, data: Record<string, unknown>): APIMessage {
    const user = state.interaction.member?.user ?? state.interaction.user;
    return {
      id: nextSnowflake(),
      channel_id: state.interaction.channel?.id ?? this.channelId,
      author: this.botUser,
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 20,
      flags: 0,
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      ...(user ? { interaction_metadata: { id: state.interaction.id, type: state.interaction.type, user, authorizing_integration_owners: {} } } : {}),
      ...data,
    } as unknown as APIMessage;
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  return request.headers['content-type']?.startsWith('application/json') ? (JSON.parse(text) as unknown) : text;
}
