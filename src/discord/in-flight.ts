import { setTimeout as sleep } from 'node:timers/promises';
import type { Interaction } from 'discord.js';

/**
 * The interactions being answered right now, so that a stopping bot can
 * finish them (or say it is restarting) before it disconnects.
 */
export class InFlight {
  readonly #answering = new Map<Interaction, Promise<void>>();

  track(interaction: Interaction, answering: Promise<void>): void {
    this.#answering.set(interaction, answering);
    void answering.finally(() => this.#answering.delete(interaction));
  }

  /** Waits until every tracked interaction is answered or `withinMs` has passed; returns those still unanswered. */
  async settle(withinMs: number): Promise<Interaction[]> {
    const deadline = sleep(withinMs, undefined, { ref: false });
    await Promise.race([Promise.allSettled(this.#answering.values()), deadline]);
    return [...this.#answering.keys()];
  }
}
