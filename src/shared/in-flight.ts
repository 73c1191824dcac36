// Tracks work started by a request after it was acknowledged (Slack acks first, then works). Graceful shutdown
// waits for it, tests wait for it instead of sleeping, and admission control keeps it bounded: a request that
// arrives while `highWater` pieces of work are already running waits (briefly) before it is acknowledged, so a
// burst slows the sender down instead of piling up unbounded work, memory and database waits.
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();
  private readonly waiters: (() => void)[] = [];

  constructor(readonly highWater = 64) {}

  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const done = () => {
      this.pending.delete(work);
      // Wake only as many waiting requests as there is room for, oldest first.
      const room = this.highWater - this.pending.size;
      if (room > 0) this.waiters.splice(0, room).forEach((wake) => wake());
    };
    work.then(done, done);
    return work;
  }

  get size(): number {
    return this.pending.size;
  }

  /**
   * Resolves once fewer than `highWater` pieces of work are running, or after `maxWaitMs` whatever happens:
   * Slack needs its acknowledgement within 3 s, so the wait is bounded and the request then goes ahead.
   */
  async room(maxWaitMs: number): Promise<void> {
    if (this.pending.size < this.highWater) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, maxWaitMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Resolves when nothing is in flight, including work started while waiting. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
