/**
 * Faults the emulated REST API can inject, shaped as Discord sends them:
 * rate limits with `Retry-After` and the X-RateLimit-* headers, server errors
 * during incidents, slow answers, and the JSON errors for interactions and
 * tokens that Discord no longer knows
 * (https://discord.com/developers/docs/topics/rate-limits,
 * https://discord.com/developers/docs/topics/opcodes-and-status-codes#json).
 */
import type { RecordedRequest } from './discord-emulator.ts';

/** What the emulator answers instead of (or after) the normal response. */
export interface FaultResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestFault {
  matches: (request: RecordedRequest) => boolean;
  /** How many matching requests get this fault; then it is spent. */
  times?: number;
  /** Answer this instead of routing the request. */
  response?: FaultResponse;
  /** Route the request as usual (its effects happen), but answer only after this long. */
  delayMs?: number;
}

/** A 429 as Discord sends it: per route by default, or the bot's global limit. */
export function rateLimited(retryAfterSeconds: number, scope: 'route' | 'global' = 'route'): FaultResponse {
  const global = scope === 'global';
  return {
    status: 429,
    headers: {
      'Retry-After': String(retryAfterSeconds),
      'X-RateLimit-Scope': global ? 'global' : 'user',
      ...(global
        ? { 'X-RateLimit-Global': 'true' }
        : { 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset-After': String(retryAfterSeconds), 'X-RateLimit-Bucket': 'emulated-bucket' }),
    },
    body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global },
  };
}

const SERVER_ERRORS: Record<number, string> = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

/** A 5xx as Discord's edge answers it during an incident. */
export function serverError(status: 500 | 502 | 503): FaultResponse {
  return { status, body: { message: `${status}: ${SERVER_ERRORS[status]}`, code: 0 } };
}

/** Discord's answers for interactions and tokens it no longer knows. */
export const DISCORD_ERRORS = {
  unknownInteraction: { status: 404, body: { message: 'Unknown interaction', code: 10062 } },
  alreadyAcknowledged: { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } },
  unknownWebhook: { status: 404, body: { message: 'Unknown Webhook', code: 10015 } },
  invalidWebhookToken: { status: 401, body: { message: 'Invalid Webhook Token', code: 50027 } },
  unauthorized: { status: 401, body: { message: '401: Unauthorized', code: 0 } },
  notFound: { status: 404, body: { message: '404: Not Found', code: 0 } },
  missingAccess: { status: 403, body: { message: 'Missing Access', code: 50001 } },
} as const satisfies Record<string, FaultResponse>;

/** The planned faults, each spent after its `times` matching requests. */
export class FaultPlan {
  readonly #faults: (RestFault & { left: number })[] = [];

  add(fault: RestFault): void {
    this.#faults.push({ ...fault, left: fault.times ?? 1 });
  }

  /** The fault for this request, if one is planned; counts it as used. */
  take(request: RecordedRequest): RestFault | undefined {
    const index = this.#faults.findIndex((fault) => fault.matches(request));
    const fault = this.#faults[index];
    if (!fault) return undefined;
    fault.left -= 1;
    if (fault.left <= 0) this.#faults.splice(index, 1);
    return fault;
  }
}
