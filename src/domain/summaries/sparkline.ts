// A mood trend people can read at a glance in any chat client: one block character per week, low to high.
export const SPARK_LEVELS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] as const;
/** A week without an average to show (too few answers to keep moods anonymous, or none at all). */
export const SPARK_GAP = "·";

/** Moods are 1 … 5; null weeks become gaps. Oldest week first. */
export function moodSparkline(averages: (number | null)[]): string {
  return averages
    .map((value) => {
      if (value === null) return SPARK_GAP;
      const clamped = Math.min(5, Math.max(1, value));
      return SPARK_LEVELS[Math.round(((clamped - 1) / 4) * (SPARK_LEVELS.length - 1))];
    })
    .join("");
}
