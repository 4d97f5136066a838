/** Past this many tracked users, entries whose cooldown has run out are forgotten. */
const PRUNE_ABOVE = 1000;

/** A per-user pause between commands, so that one person cannot flood the bot. */
export class Cooldown {
  readonly #lastUse = new Map<string, number>();

  constructor(readonly intervalMs: number) {}

  /**
   * Milliseconds the user must still wait, or 0 when they may go ahead, in
   * which case their pause starts now. Refused attempts do not extend it.
   */
  take(userId: string, now = Date.now()): number {
    const last = this.#lastUse.get(userId);
    if (last !== undefined && now - last < this.intervalMs) return this.intervalMs - (now - last);
    this.#lastUse.set(userId, now);
    if (this.#lastUse.size > PRUNE_ABOVE) {
      for (const [user, at] of this.#lastUse) if (now - at >= this.intervalMs) this.#lastUse.delete(user);
    }
    return 0;
  }
}
