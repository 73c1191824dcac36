// The pulse's outbound messages (part of the OutboundMessage union). Stored as JSON in the outbox: ids, titles,
// dates and, for the shared results, only org-level numbers that passed the minimum group size. Never an answer,
// never a change key, never who has or hasn't answered.
export type SharedPulseResults = {
  title: string;
  roundNumber: number;
  asked: number;
  answered: number;
  participationRate: number | null;
  minGroupSize: number;
  /** Null when fewer than the minimum answered: the message says so instead of numbers. */
  enps: number | null;
  items: { text: string; average: number | null }[] | null;
};

export type PulseOutboundMessage =
  | {
      /** The round's question, at the person's local time: "Answer the pulse" opens the form. */
      type: "pulse.ask";
      roundId: string;
      title: string;
      closesLabel: string;
      questionCount: number;
    }
  | {
      /** Near the close, once, to everyone who was asked, answered or not (so it reveals nothing and names no one). */
      type: "pulse.reminder";
      roundId: string;
      title: string;
      closesLabel: string;
    }
  | {
      /** When a round closes and HR chose to share results back: to everyone who was asked. */
      type: "pulse.results";
      roundId: string;
      results: SharedPulseResults;
    };
