// What the survey form tells people before they answer: exactly who can see what. Both platforms show these lines
// as they are, so the promise is worded once.
export function pulsePrivacyLines(view: {
  minGroupSize: number;
  commentMinGroupSize: number;
  closesLabel: string;
}): string[] {
  return [
    "Your answers are stored without your name: only the answers and your team (your manager's team) when you answer.",
    "Momentum keeps, separately, that you have answered, so you aren't asked or reminded again. Nobody (HR, managers or admins) can list who answered what, and the export has no person column.",
    `Scores are shown only once the survey closes, and only for groups where at least ${view.minGroupSize} people answered; a smaller team is folded out of the breakdown, and so is the next-smallest one when subtracting could reveal it.`,
    `Comments are shown word for word, without your name or team, and only when at least ${view.commentMinGroupSize} people answered. Leave out anything that identifies you if you want to stay anonymous.`,
    `You can change your answers until ${view.closesLabel} with the "Change my answers" button Momentum sends only to you; Momentum stores just a one-way fingerprint of that key, never the key.`,
  ];
}
