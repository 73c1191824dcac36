// The text form of `closure …`, the same on Slack (after /momentum) and Teams: `closure add START END reason`,
// `closure add @manager START END reason` (one team), `closure remove START END [@manager]`, `closure list`.
// A mention arrives as `<@U…>` on Slack and is taken out of the text on Teams, so `target` may be empty.
export type ClosureCommand =
  | { kind: "list" }
  | { kind: "add"; startDate: string; endDate: string; reason: string; target: string }
  | { kind: "remove"; startDate: string; endDate: string; target: string };

export const CLOSURE_HELP =
  "Company closures (HR): `closure add 2026-12-24 2027-01-01 Winter break` for everyone, `closure add @manager 2026-12-24 2026-12-24 Team offsite` for one team, `closure list`, `closure remove 2026-12-24 2027-01-01`.";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseClosureText(text: string): { ok: true; command: ClosureCommand } | { ok: false; error: string } {
  const [verb = "", ...words] = text.trim().split(/\s+/).filter(Boolean);
  const head = verb.toLowerCase();
  if (head === "list" || head === "")
    return words.length === 0 ? { ok: true, command: { kind: "list" } } : { ok: false, error: CLOSURE_HELP };
  if (head !== "add" && head !== "remove" && head !== "delete")
    return { ok: false, error: `I didn't understand "${text.trim().slice(0, 60)}". ${CLOSURE_HELP}` };
  const dateAt = words.findIndex((word) => DATE.test(word));
  if (dateAt < 0)
    return { ok: false, error: `Give the first and last day of the closure as YYYY-MM-DD. ${CLOSURE_HELP}` };
  const before = words.slice(0, dateAt);
  const startDate = words[dateAt];
  // One date means a one-day closure.
  const hasEnd = DATE.test(words[dateAt + 1] ?? "");
  const endDate = hasEnd ? words[dateAt + 1] : startDate;
  const after = words.slice(dateAt + (hasEnd ? 2 : 1));
  if (head === "add") {
    const reason = after.join(" ");
    if (!reason)
      return {
        ok: false,
        error: `Say what the closure is for, e.g. \`closure add ${startDate} ${endDate} Winter break\`.`,
      };
    return { ok: true, command: { kind: "add", startDate, endDate, reason, target: before.join(" ") } };
  }
  return { ok: true, command: { kind: "remove", startDate, endDate, target: [...before, ...after].join(" ") } };
}
