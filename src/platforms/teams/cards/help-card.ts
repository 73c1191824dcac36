// The short help shown for `help` and for anything Momentum does not understand. Its commands match the
// commandLists of manifests/teams/manifest.json (a test keeps them in step).
import { adaptiveCard, heading, paragraph, type AdaptiveCard } from "./card.ts";
import { openKudosFormAction } from "./kudos-form.ts";

export const HELP_COMMANDS = [
  { title: "kudos", description: "Thank someone: kudos @name what they did #value (or just kudos for a form)" },
  { title: "kudos leaderboard", description: "This month's top kudos receivers" },
  { title: "help", description: "What Momentum can do" },
] as const;

export function helpCard(options: { didNotUnderstand?: boolean } = {}): AdaptiveCard {
  return adaptiveCard(
    [
      heading(options.didNotUnderstand ? "Sorry, I didn't get that. Here's what I can do:" : "Momentum helps your team recognise each other."),
      { type: "FactSet", facts: HELP_COMMANDS.map((command) => ({ title: command.title, value: command.description })) },
      paragraph("In a channel, mention me first: @Momentum kudos @Alice thanks for the demo #teamwork"),
    ],
    [openKudosFormAction()],
  );
}

/** What `kudos` on its own answers: one button that opens the kudos dialog. */
export function kudosStartCard(): AdaptiveCard {
  return adaptiveCard([paragraph("Who would you like to thank? Open the form to choose people, a message and a company value.")], [openKudosFormAction()]);
}
