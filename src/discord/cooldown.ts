/** A per-user pause between commands, so that one person cannot flood the bot. */
export class Cooldown {
  readonly #lastUse = new Map<string, number>();
  #nextPruneAt = 0;

  constructor(readonly intervalMs: number) {}

  /** Users whose pause is remembered; one whose pause has run out is forgotten by the next command an interval later. */
  get size(): number {
    return this.#lastUse.size;
  }

  /**
   * Milliseconds the user must still wait, or 0 when they may go ahead, in
   * which case their pause starts now. Refused attempts do not extend it.
   */
  take(userId: string, now = Date.now()): number {
    const last = this.#lastUse.get(userId);
    if (last !== undefined && now - last < this.intervalMs) return this.intervalMs - (now - last);
    this.#lastUse.set(userId, now);
    // At most one sweep per interval keeps the cost per command constant.
    if (now >= this.#nextPruneAt) {
      for (const [user, at] of this.#lastUse) if (now - at >= this.intervalMs) this.#lastUse.delete(user);
      this.#nextPruneAt = now + this.intervalMs;
    }
    return 0;
  }
}
