/** Exponential backoff with full jitter: 1 s, 2 s, 4 s … capped at 5 minutes, randomised to spread retries. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(300_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
