// Each reliability test prints what it measured on one line with its R number, so the CI log carries the figures.
export function report(r: string, figures: Record<string, unknown>): void {
  const text = Object.entries(figures)
    .map(
      ([name, value]) =>
        `${name}=${typeof value === "number" && !Number.isInteger(value) ? value.toFixed(2) : String(value)}`,
    )
    .join(" ");
  console.log(`${r}: ${text}`);
}
