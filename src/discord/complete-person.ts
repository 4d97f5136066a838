import type { AutocompleteInteraction } from 'discord.js';
import type { Library } from '../core/library/library.ts';
import type { BotContext } from './context.ts';
import { DISCORD_LIMITS } from './limits.ts';

/** Autocomplete choices for a person's name: the corpus's people, most mentioned first. */
export function peopleChoices(library: Library, partial: string): { name: string; value: string }[] {
  const names = new Set<string>();
  for (const person of library.people.complete(partial.trim(), DISCORD_LIMITS.autocompleteChoices * 2)) {
    const name = person.name.trim();
    // Discord refuses longer choices; a name that long is not a name.
    if (name !== '' && name.length <= DISCORD_LIMITS.choiceName) names.add(name);
    if (names.size === DISCORD_LIMITS.autocompleteChoices) break;
  }
  return [...names].map((name) => ({ name, value: name }));
}

/** Answers an autocomplete request for a person option from the serving Library. */
export async function completePerson(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  await interaction.respond(peopleChoices(context.library.current, interaction.options.getFocused()));
}
