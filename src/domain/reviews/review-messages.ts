// The review cycle's outbound messages (part of the OutboundMessage union). Stored as JSON in the outbox: they
// carry ids, names and due dates, never an answer.
export type ReviewOutboundMessage =
  | {
      /** Launch: "Write my self-review". */
      type: "review.self-requested";
      reviewId: string;
      cycleName: string;
      dueLabel: string;
    }
  | {
      /** To the manager once the self-review is in (or at the manager due date): "Review <name>". */
      type: "review.manager-requested";
      reviewId: string;
      cycleName: string;
      subjectName: string;
      dueLabel: string;
      selfSubmitted: boolean;
    }
  | {
      /** Everything the person still has to write, one button each. */
      type: "review.nudge";
      items: { reviewId: string; kind: "self" | "manager"; cycleName: string; subjectName: string; dueLabel: string }[];
      /** Pending reviews beyond those listed. */
      more: number;
    }
  | {
      /** After the cycle closed, to the manager: "Share with <name>". */
      type: "review.release-ready";
      reviewId: string;
      cycleName: string;
      subjectName: string;
    }
  | {
      /** To the report once shared: "Read my review". */
      type: "review.released";
      reviewId: string;
      cycleName: string;
      managerName: string;
    };
