// How to use /kudos, shown for `/kudos help` and for text Momentum cannot make sense of.
import { escapeMrkdwn, section, type SlackMessage } from "./text.ts";

export function kudosHelpMessage(options: { values: string[]; problem?: string }): SlackMessage {
  const values = options.values.map((value) => `#${escapeMrkdwn(value)}`).join(", ");
  const usage = [
    "*Give kudos*",
    "• `/kudos @alice @bob thanks for the demo #teamwork`: thank one or more people, with an optional company value",
    "• `/kudos`: open a form (choose people, a value, and whether it's public or private)",
    "• `/kudos leaderboard`: this month's top receivers",
    ...(values ? [`Company values: ${values}`] : []),
  ].join("\n");
  return {
    text: escapeMrkdwn(options.problem ?? "How to use /kudos"),
    blocks: [...(options.problem ? [section(escapeMrkdwn(options.problem))] : []), section(usage)],
  };
}
