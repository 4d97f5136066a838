import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIInteraction, APIMessage, APIUser } from 'discord.js';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A local fake of the parts of Discord a bot uses: REST on node:http and a
 * gateway on ws, on 127.0.0.1 with a random port. The real discord.js Client
 * connects to it through `rest.api`; every request it makes is recorded so
 * tests can assert on what the bot sent. Written by hand because no
 * maintained package emulates Discord for discord.js.
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
}

/** A gateway payload the bot sent (IDENTIFY, heartbeats …). */
export interface GatewayFrame {
  op: number;
  d: unknown;
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
}

interface InteractionState {
  interaction: APIInteraction;
  dispatchedAt: number;
  acknowledged: boolean;
  /** The message the interaction's response created, once there is one. */
  message?: APIMessage;
}

interface Waiter {
  matches: (request: RecordedRequest) => boolean;
  resolve: (request: RecordedRequest) => void;
}

interface PlannedFailure {
  matches: (request: RecordedRequest) => boolean;
  status: number;
  body: unknown;
}

const API_PREFIX = '/api/v10';
const GATEWAY_PATH = '/gateway';

let snowflakeCounter = 0n;
/** Unique, well-formed snowflakes (17–20 digits), in creation order. */
export function nextSnowflake(): string {
  snowflakeCounter += 1n;
  return (1_300_000_000_000_000_000n + snowflakeCounter).toString();
}

export class DiscordEmulator {
  readonly requests: RecordedRequest[] = [];
  readonly gatewayFrames: GatewayFrame[] = [];
  /** The URL (path and query) of each gateway connection. */
  readonly gatewayUrls: string[] = [];
  readonly applicationId: string;
  readonly guildId: string;
  readonly botUser: APIUser;
  readonly channelId = nextSnowflake();
  private readonly interactions = new Map<string, InteractionState>();
  private readonly sockets = new Set<WebSocket>();
  private readonly waiters = new Set<Waiter>();
  private readonly failures: PlannedFailure[] = [];
  private sequence = 0;
  private readonly http: Server;
  private readonly gateway: WebSocketServer;

  private constructor(private readonly options: EmulatorOptions) {
    this.applicationId = options.applicationId ?? nextSnowflake();
    this.guildId = options.guildId ?? nextSnowflake();
    this.botUser = { id: this.applicationId, username: 'Verbatim', discriminator: '0', global_name: null, avatar: null, bot: true };
    this.http = createServer((request, response) => void this.handle(request, response));
    this.gateway = new WebSocketServer({ server: this.http, path: GATEWAY_PATH });
    this.gateway.on('connection', (socket, request) => {
      this.gatewayUrls.push(request.url ?? '');
      this.accept(socket);
    });
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

  /** Sends INTERACTION_CREATE to every connected bot. */
  interact(interaction: APIInteraction): void {
    this.interactions.set(interaction.id, { interaction, dispatchedAt: Date.now(), acknowledged: false });
    this.dispatch('INTERACTION_CREATE', interaction);
  }

  /** The message an interaction's response created or last edited. */
  messageOf(interactionId: string): APIMessage | undefined {
    return this.interactions.get(interactionId)?.message;
  }

  dispatch(event: string, data: unknown): void {
    this.sequence += 1;
    const frame = JSON.stringify({ op: 0, t: event, s: this.sequence, d: data });
    for (const socket of this.sockets) socket.send(frame);
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
    this.failures.push({ matches, status, body });
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.gateway.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('message', (data) => this.onGatewayFrame(socket, JSON.parse(String(data)) as GatewayFrame));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 41_250 } }));
  }

  private onGatewayFrame(socket: WebSocket, frame: GatewayFrame): void {
    this.gatewayFrames.push(frame);
    if (frame.op === 1) socket.send(JSON.stringify({ op: 11 }));
    if (frame.op === 2) this.identify(socket, frame.d as { token?: string });
    if (frame.op === 6) this.dispatch('RESUMED', {});
  }

  private identify(socket: WebSocket, identify: { token?: string }): void {
    if (identify.token !== this.options.token) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    this.dispatch('READY', {
      v: 10,
      user: this.botUser,
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: `session-${nextSnowflake()}`,
      resume_gateway_url: `ws://${this.origin}${GATEWAY_PATH}`,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 },
    });
    this.dispatch('GUILD_CREATE', this.guild());
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
    };
    const planned = this.failures.findIndex((failure) => failure.matches(recorded));
    const [status, body] =
      planned >= 0 ? this.takeFailure(planned) : url.pathname.startsWith(API_PREFIX) ? this.route(recorded) : notFound();
    recorded.status = status;
    this.requests.push(recorded);
    for (const waiter of this.waiters) {
      if (!waiter.matches(recorded)) continue;
      this.waiters.delete(waiter);
      waiter.resolve(recorded);
    }
    if (body === undefined) {
      response.writeHead(status).end();
      return;
    }
    response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  }

  private takeFailure(index: number): [number, unknown] {
    const [failure] = this.failures.splice(index, 1);
    return [failure?.status ?? 500, failure?.body];
  }

  /** Answers a request as Discord would: [status, JSON body or undefined for 204]. */
  private route(request: RecordedRequest): [number, unknown] {
    const { method, path } = request;
    const bot = request.authorization === `Bot ${this.options.token}`;
    if (method === 'GET' && path === '/gateway/bot') {
      if (!bot) return unauthorized();
      const limit = { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 };
      return [200, { url: `ws://${this.origin}${GATEWAY_PATH}`, shards: 1, session_start_limit: limit }];
    }
    const callback = /^\/interactions\/(\d+)\/([^/]+)\/callback$/u.exec(path);
    if (method === 'POST' && callback) return this.acknowledge(callback[1] ?? '', callback[2] ?? '', request);
    const original = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/u.exec(path);
    if (original) return this.original(original[1] ?? '', original[2] ?? '', request);
    const followUp = /^\/webhooks\/(\d+)\/([^/]+)$/u.exec(path);
    if (method === 'POST' && followUp) {
      const state = this.stateFor(followUp[1] ?? '', followUp[2] ?? '');
      if (!state?.acknowledged) return unknownWebhook();
      return [200, this.message(state, request.body as Record<string, unknown>)];
    }
    if (method === 'PUT' && /^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/u.test(path)) {
      if (!bot) return unauthorized();
      if (!path.startsWith(`/applications/${this.applicationId}/`)) return [403, { message: 'Missing Access', code: 50001 }];
      const commands = Array.isArray(request.body) ? (request.body as Record<string, unknown>[]) : [];
      return [200, commands.map((command) => ({ id: nextSnowflake(), application_id: this.applicationId, version: nextSnowflake(), ...command }))];
    }
    return notFound();
  }

  private acknowledge(id: string, token: string, request: RecordedRequest): [number, unknown] {
    const state = this.interactions.get(id);
    const deadline = this.options.acknowledgeWithinMs ?? 3000;
    if (!state || state.interaction.token !== token || Date.now() - state.dispatchedAt > deadline) {
      return [404, { message: 'Unknown interaction', code: 10062 }];
    }
    if (state.acknowledged) return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
    state.acknowledged = true;
    const { type, data } = request.body as { type: number; data?: Record<string, unknown> };
    if (type === 4 || type === 5) state.message = this.message(state, type === 5 ? { flags: data?.flags ?? 0 } : (data ?? {}));
    if ((type === 6 || type === 7) && state.interaction.message) {
      const updated = { ...state.interaction.message, ...(type === 7 ? data : {}) } as APIMessage;
      state.message = updated;
      this.updateOwner(updated);
    }
    if (request.query.get('with_response') !== 'true') return [204, undefined];
    return [200, { interaction: { id, type: state.interaction.type }, resource: state.message ? { type, message: state.message } : { type } }];
  }

  /** A component's update also changes the message seen through the original interaction's webhook. */
  private updateOwner(message: APIMessage): void {
    for (const state of this.interactions.values()) if (state.message?.id === message.id) state.message = message;
  }

  private original(applicationId: string, token: string, request: RecordedRequest): [number, unknown] {
    const state = this.stateFor(applicationId, token);
    if (!state?.acknowledged || !state.message) return unknownWebhook();
    if (request.method === 'DELETE') {
      delete state.message;
      return [204, undefined];
    }
    if (request.method === 'GET') return [200, state.message];
    if (request.method !== 'PATCH') return notFound();
    const edited = { ...state.message, ...(request.body as Record<string, unknown>), edited_timestamp: new Date().toISOString() } as APIMessage;
    state.message = edited;
    return [200, edited];
  }

  private stateFor(applicationId: string, token: string): InteractionState | undefined {
    if (applicationId !== this.applicationId) return undefined;
    return [...this.interactions.values()].find((state) => state.interaction.token === token);
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

const notFound = (): [number, unknown] => [404, { message: '404: Not Found', code: 0 }];
const unauthorized = (): [number, unknown] => [401, { message: '401: Unauthorized', code: 0 }];
const unknownWebhook = (): [number, unknown] => [404, { message: 'Unknown Webhook', code: 10015 }];
