// Slack wants an interaction acknowledged within 3 s. One budget covers the whole request: the wait for admission
// (when too much acknowledged work is running) and then the work a listener does before it acknowledges (a modal
// submission works until the budget is spent, so a refusal can still show inline; past it, it acknowledges and the
// work carries on). The budget is measured from the moment the request was admitted for consideration, so the two
// waits can never add up past it.
import { AsyncLocalStorage } from "node:async_hooks";
import type { InFlight } from "../../../shared/in-flight.ts";

/** The longest a request waits for admission; what is left of the budget after it is the listener's. */
export const ADMISSION_WAIT_MS = 2000;

/** The monotonic instant (performance.now()) by which the current request must be acknowledged. */
const ackDeadline = new AsyncLocalStorage<number>();

/**
 * Runs the rest of the request (`next`) under an acknowledgement budget of `budgetMs` that starts now, after
 * waiting (at most ADMISSION_WAIT_MS, never past the budget) for room among the work in flight.
 */
export async function admitWithinBudget(
  inFlight: InFlight,
  budgetMs: number,
  next: () => Promise<void>,
): Promise<void> {
  const deadline = performance.now() + budgetMs;
  await ackDeadline.run(deadline, async () => {
    await inFlight.room(Math.min(ADMISSION_WAIT_MS, budgetMs));
    await next();
  });
}

/** What is left of the current request's budget, capped at `ms` (all of `ms` outside a request). */
export function budgetLeft(ms: number): number {
  const deadline = ackDeadline.getStore();
  return deadline === undefined ? ms : Math.max(0, Math.min(ms, deadline - performance.now()));
}

/** The outcome if it arrives within what is left of the budget (at most `ms`), else undefined (the work carries on). */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), budgetLeft(ms));
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
