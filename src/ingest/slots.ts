/**
 * A fixed number of slots, taken in turn (first come, first served). Taking one resolves with the
 * function that gives it back; giving it back twice gives it back once. The poller holds one per
 * feed while the feed is read and analysed, so a few feeds are analysed at once and a feed that
 * waits for its turn to store no longer keeps the next feed from starting.
 */
export class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`slots: size must be a positive integer, got ${size}`);
    this.free = size;
  }

  /** Slots free right now. */
  get available(): number {
    return this.free;
  }

  /** Waits for a slot; resolves with the function that gives it back. */
  async take(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.handOn();
    };
  }

  /** A slot given back goes to the longest waiter, else back to the free ones. */
  private handOn(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
