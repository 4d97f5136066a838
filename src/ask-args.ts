import { parseArgs } from 'node:util';
import { CommandNameSchema, type CommandName, type WhenOrder } from './core/answer/answer.ts';

/** One question, as typed on the command line or in the console. */
export interface AskRequest {
  command: CommandName;
  query: string;
  speaker?: string;
  limit: number;
  json: boolean;
  /** when: list the answers chronologically ('timeline') instead of by relevance. */
  order?: WhenOrder;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE =
  'usage: who <name> | when <event> [--order timeline] | quote [text] [--speaker <name>]  [--limit N] [--json]';

const ORDERS: readonly WhenOrder[] = ['relevance', 'timeline'];

const MAX_LIMIT = 50;

/** Parses `who Witkoff --limit 3 --json`; a mistake throws a UsageError saying what to type instead. */
export function parseAskArgs(argv: readonly string[]): AskRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        speaker: { type: 'string' },
        order: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}; ${USAGE}`);
  }
  const [commandWord, ...words] = parsed.positionals;
  const command = CommandNameSchema.safeParse(commandWord?.replace(/^\//u, '').toLowerCase());
  if (!command.success) {
    throw new UsageError(`${commandWord ? `unknown command "${commandWord}"` : 'no command given'}; ${USAGE}`);
  }
  const query = words.join(' ').trim();
  const speaker = parsed.values.speaker?.trim();
  if (speaker !== undefined && command.data !== 'quote') throw new UsageError(`--speaker goes with quote only; ${USAGE}`);
  const order = parseOrder(parsed.values.order, command.data);
  if (query === '' && !(command.data === 'quote' && speaker)) {
    const example = { who: 'who Witkoff', when: 'when "teams recalled"', quote: 'quote burden --speaker Witkoff' }[command.data];
    throw new UsageError(`${command.data} needs ${command.data === 'quote' ? 'a text or --speaker' : 'a query'}; try: ${example}`);
  }
  const limitText = parsed.values.limit ?? '5';
  const limit = Number(limitText);
  if (!/^\d+$/u.test(limitText) || limit < 1 || limit > MAX_LIMIT) {
    throw new UsageError(`--limit takes a whole number from 1 to ${MAX_LIMIT}, not "${limitText}"; ${USAGE}`);
  }
  return { command: command.data, query, limit, json: parsed.values.json, ...(speaker ? { speaker } : {}), ...(order ? { order } : {}) };
}

function parseOrder(value: string | undefined, command: CommandName): WhenOrder | undefined {
  if (value === undefined) return undefined;
  if (command !== 'when') throw new UsageError(`--order goes with when only; ${USAGE}`);
  const order = ORDERS.find((known) => known === value.trim().toLowerCase());
  if (!order) throw new UsageError(`--order takes ${ORDERS.join(' or ')}, not "${value}"; ${USAGE}`);
  return order;
}

/** Splits a console line into words, keeping "quoted phrases" together. */
export function splitCommandLine(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/gu)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}
