import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { InFlight } from "../../src/shared/in-flight.ts";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

// Fake timers: "not yet" is asserted after the time that matters has passed on the timer clock, not after a real
// sleep that is hoped to be long enough.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("acknowledged work in flight", () => {
  it("lets a request through at once while there is room", async () => {
    const inFlight = new InFlight(2);
    void inFlight.track(deferred().promise);
    let admitted = false;
    await inFlight.room(10_000).then(() => (admitted = true));
    expect(admitted).toBe(true);
  });

  it("holds a request while the backlog is full and admits it as soon as one piece of work finishes", async () => {
    const inFlight = new InFlight(2);
    const first = deferred();
    void inFlight.track(first.promise);
    void inFlight.track(deferred().promise);
    let admitted = false;
    const waiting = inFlight.room(10_000).then(() => (admitted = true));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(admitted).toBe(false);
    first.resolve();
    await waiting;
    expect(admitted).toBe(true);
  });

  it("admits a held request anyway after the longest wait, so Slack still gets its acknowledgement in time", async () => {
    const inFlight = new InFlight(1);
    void inFlight.track(deferred().promise);
    let admitted = false;
    const waiting = inFlight.room(30).then(() => (admitted = true));
    await vi.advanceTimersByTimeAsync(29);
    expect(admitted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(admitted).toBe(true);
  });

  it("waits for work started while it was already waiting before it calls itself idle", async () => {
    const inFlight = new InFlight();
    const first = deferred();
    const second = deferred();
    let secondStarted = false;
    void inFlight.track(
      first.promise.then(() => {
        secondStarted = true;
        void inFlight.track(second.promise);
      }),
    );
    let idle = false;
    const done = inFlight.idle().then(() => (idle = true));
    first.resolve();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(secondStarted).toBe(true);
    expect(inFlight.size).toBe(1);
    expect(idle).toBe(false);
    second.resolve();
    await done;
    expect(idle).toBe(true);
  });
});
