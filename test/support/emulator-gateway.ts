import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * The emulated gateway: HELLO, IDENTIFY → READY, heartbeats, and sessions
 * that outlive their connection so that RESUME replays, by sequence number,
 * every dispatch sent while the bot was away — as Discord does
 * (https://discord.com/developers/docs/events/gateway#resuming). Tests can
 * close the socket with any code, ask the bot to reconnect (op 7), invalidate
 * its session (op 9) and stop acknowledging heartbeats.
 */

export const GATEWAY_PATH = '/gateway';

/** A gateway payload the bot sent (IDENTIFY, heartbeats, RESUME …). */
export interface GatewayFrame {
  op: number;
  d: unknown;
}

/** A connection's end: its close code and who closed it. */
export interface GatewayClose {
  code: number;
  by: 'bot' | 'emulator';
}

const OP = { dispatch: 0, heartbeat: 1, identify: 2, resume: 6, reconnect: 7, invalidSession: 9, hello: 10, heartbeatAck: 11 } as const;

/**
 * Close codes after which Discord will not resume the session: the bot must
 * identify again (https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes).
 */
const SESSION_ENDING_CLOSES = new Set([4003, 4004, 4007, 4009, 4010, 4011, 4012, 4013, 4014]);
/** A client that closes with 1000 or 1001 ends its session too. */
const CLIENT_SESSION_ENDING_CLOSES = new Set([1000, 1001]);
/** Discord keeps a bounded backlog per session; older events cannot be replayed. */
const REPLAY_BACKLOG = 1000;

interface Session {
  id: string;
  sequence: number;
  /** Sent dispatches, serialised, by sequence number, for RESUME. */
  backlog: { sequence: number; frame: string }[];
  socket?: WebSocket;
  valid: boolean;
}

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** The READY payload for a new session (its id and resume URL added here). */
  ready: () => Record<string, unknown>;
  /** Dispatches that follow READY, such as GUILD_CREATE. */
  afterReady: () => [string, unknown][];
  newSessionId: () => string;
  resumeUrl: () => string;
}

/** Emits 'ready' (a new session), 'resumed' and 'frame' (each payload the bot sent). */
export class EmulatedGateway extends EventEmitter {
  readonly frames: GatewayFrame[] = [];
  /** The URL (path and query) of each connection. */
  readonly urls: string[] = [];
  readonly closes: GatewayClose[] = [];
  /** While false, heartbeats go unanswered, as on a connection that died silently. */
  acknowledgeHeartbeats = true;
  readonly #server: WebSocketServer;
  readonly #sockets = new Set<WebSocket>();
  readonly #sessions = new Map<string, Session>();

  constructor(
    http: Server,
    private readonly options: GatewayOptions,
  ) {
    super();
    this.#server = new WebSocketServer({ server: http, path: GATEWAY_PATH });
    this.#server.on('connection', (socket, request) => {
      this.urls.push(request.url ?? '');
      this.accept(socket);
    });
  }

  get connectionCount(): number {
    return this.#sockets.size;
  }

  /**
   * Sends an event to every live session. A session whose connection is down
   * keeps it in its backlog, to be replayed when the bot resumes.
   */
  dispatch(event: string, data: unknown): void {
    for (const session of this.#sessions.values()) if (session.valid) this.send(session, event, data);
  }

  /** Closes every connection with `code`; the sessions survive unless the code ends them. */
  close(code: number, reason = ''): void {
    for (const session of this.#sessions.values()) {
      if (!session.socket) continue;
      if (SESSION_ENDING_CLOSES.has(code)) session.valid = false;
      this.closes.push({ code, by: 'emulator' });
      session.socket.close(code, reason);
      delete session.socket;
    }
  }

  /** Op 7: Discord asks the bot to reconnect and resume. */
  requestReconnect(): void {
    for (const session of this.#sessions.values()) session.socket?.send(JSON.stringify({ op: OP.reconnect, d: null }));
  }

  /** Op 9: the session is invalid; `resumable` says whether the bot may resume it. */
  invalidateSession(resumable: boolean): void {
    for (const session of this.#sessions.values()) {
      if (!session.socket) continue;
      if (!resumable) session.valid = false;
      session.socket.send(JSON.stringify({ op: OP.invalidSession, d: resumable }));
    }
  }

  /** Resolves when the bot next starts a session ('ready') or resumes one ('resumed'). */
  next(event: 'ready' | 'resumed', timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the bot did not send what leads to '${event}' within ${timeoutMs} ms`)), timeoutMs);
      this.once(event, () => (clearTimeout(timer), resolve()));
    });
  }

  /** Forgets recorded frames and replay backlogs (sequence numbers go on). */
  forget(): void {
    this.frames.length = 0;
    for (const session of this.#sessions.values()) session.backlog.length = 0;
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    this.#sockets.add(socket);
    socket.on('close', (code) => {
      this.#sockets.delete(socket);
      for (const session of this.#sessions.values()) {
        if (session.socket !== socket) continue;
        this.closes.push({ code, by: 'bot' });
        delete session.socket;
        if (CLIENT_SESSION_ENDING_CLOSES.has(code)) session.valid = false;
      }
    });
    socket.on('message', (data) => this.onFrame(socket, JSON.parse(String(data)) as GatewayFrame));
    socket.send(JSON.stringify({ op: OP.hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs } }));
  }

  private onFrame(socket: WebSocket, frame: GatewayFrame): void {
    this.frames.push(frame);
    this.emit('frame', frame);
    if (frame.op === OP.heartbeat && this.acknowledgeHeartbeats) socket.send(JSON.stringify({ op: OP.heartbeatAck }));
    if (frame.op === OP.identify) this.identify(socket, frame.d as { token?: string });
    if (frame.op === OP.resume) this.resume(socket, frame.d as { token?: string; session_id?: string; seq?: number | null });
  }

  private identify(socket: WebSocket, identify: { token?: string }): void {
    if (identify.token !== this.options.token) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    // A bot that identifies again has given up its earlier sessions.
    for (const earlier of this.#sessions.values()) if (!earlier.socket) earlier.valid = false;
    const session: Session = { id: this.options.newSessionId(), sequence: 0, backlog: [], socket, valid: true };
    this.#sessions.set(session.id, session);
    this.send(session, 'READY', { ...this.options.ready(), session_id: session.id, resume_gateway_url: this.options.resumeUrl() });
    for (const [event, data] of this.options.afterReady()) this.send(session, event, data);
    this.emit('ready');
  }

  private resume(socket: WebSocket, resume: { token?: string; session_id?: string; seq?: number | null }): void {
    const session = this.#sessions.get(resume.session_id ?? '');
    const replayFrom = resume.seq ?? 0;
    const replayable = session?.backlog[0] === undefined || session.backlog[0].sequence <= replayFrom + 1;
    if (!session?.valid || resume.token !== this.options.token || !replayable) {
      socket.send(JSON.stringify({ op: OP.invalidSession, d: false }));
      return;
    }
    session.socket = socket;
    for (const sent of session.backlog) if (sent.sequence > replayFrom) socket.send(sent.frame);
    this.send(session, 'RESUMED', {});
    this.emit('resumed');
  }

  private send(session: Session, event: string, data: unknown): void {
    session.sequence += 1;
    const frame = JSON.stringify({ op: OP.dispatch, t: event, s: session.sequence, d: data });
    session.backlog.push({ sequence: session.sequence, frame });
    if (session.backlog.length > REPLAY_BACKLOG) session.backlog.shift();
    session.socket?.send(frame);
  }
}
