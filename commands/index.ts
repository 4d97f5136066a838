import { indexCommands } from '../src/discord/command.ts';
import { corpus } from './corpus.ts';
import { quote } from './quote.ts';
import { reload } from './reload.ts';
import { sources } from './sources.ts';
import { when } from './when.ts';
import { who } from './who.ts';

/** Every slash command, listed explicitly and checked against the module shape. */
export const commands = indexCommands([who, when, quote, sources, reload, corpus]);
