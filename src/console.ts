import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseAskArgs, splitCommandLine, UsageError } from './ask-args.ts';
import { answer } from './core/answer/answer.ts';
import type { Library } from './core/library/library.ts';
import { renderAnswerText } from './render-text.ts';

export const CONSOLE_HELP = [
  'Ask as you would in Discord:',
  '  /who <name>                     who a person is and where they appear',
  '  /when <event>                   when something happened',
  '    --order timeline              its answers in date order',
  '  /quote [text] [--speaker NAME]  quotations and who said them',
  '  --limit N                       how many results (default 5)',
  '  /help                           this text',
  '  /exit                           leave (or Ctrl-D)',
].join('\n');

/** Answers one console line; returns undefined when the line asks to leave. */
export function answerConsoleLine(library: Library, line: string): string | undefined {
  const words = splitCommandLine(line.trim());
  const first = words[0]?.toLowerCase();
  if (first === undefined) return '';
  if (first === '/exit' || first === '/quit') return undefined;
  if (first === '/help' || first === 'help') return CONSOLE_HELP;
  try {
    const request = parseAskArgs(words);
    const options = {
      limit: request.limit,
      ...(request.speaker ? { speaker: request.speaker } : {}),
      ...(request.order ? { order: request.order } : {}),
    };
    return renderAnswerText(answer(library, request.command, request.query, options));
  } catch (error) {
    if (error instanceof UsageError) return `${error.message}\nType /help for the commands.`;
    throw error;
  }
}

/** The local console: what the bot would answer, typed and read in a terminal. */
export async function runConsole(library: Library, input: Readable, output: Writable): Promise<void> {
  const lines = createInterface({ input, output, prompt: 'verbatim> ', terminal: false });
  output.write(`Verbatim: ${library.documents.length} documents, ${library.passages.length} passages. Type /help.\n`);
  lines.prompt();
  for await (const line of lines) {
    const reply = answerConsoleLine(library, line);
    if (reply === undefined) break;
    if (reply !== '') output.write(`${reply}\n`);
    lines.prompt();
  }
  lines.close();
}
