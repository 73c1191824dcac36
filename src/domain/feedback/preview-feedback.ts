// Before anything is sent, the giver is shown exactly who will read their feedback, for each choice of audience.
import type { DomainContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { validationError } from "../../shared/errors.ts";
import { PreviewFeedbackInput, type FeedbackAudience, type PreviewFeedbackOptions } from "./feedback.schemas.ts";
import { loadFeedbackPeople, requireActiveActor, requireActivePerson, whoWillSee } from "./feedback-people.ts";

export interface FeedbackPreview {
  recipient: { id: string; name: string };
  /** The recipient's active manager; null when they have none (then only "recipient" can be chosen). */
  manager: { id: string; name: string; isGiver: boolean } | null;
  audience: FeedbackAudience;
  /** Who will read it with the chosen audience, recipient first ("you" when the giver is the manager). */
  readerNames: string[];
  /** One sentence for the chosen audience: "Only Bob will see this." */
  summary: string;
  /** The sentence for each choice, so a preview can offer both. */
  summaries: Record<FeedbackAudience, string>;
}

export async function previewFeedback(ctx: DomainContext, options: PreviewFeedbackOptions): Promise<FeedbackPreview> {
  const input = parseInput(PreviewFeedbackInput, options);
  if (input.giverId === input.recipientId)
    throw validationError("Feedback is for someone else: you can't give feedback to yourself.");
  const people = await loadFeedbackPeople(ctx.prisma, [input.giverId, input.recipientId]);
  requireActiveActor(people, input.giverId, "give feedback");
  const recipient = requireActivePerson(people, input.recipientId, "receive feedback");
  const manager = recipient.manager ? { ...recipient.manager, isGiver: recipient.manager.id === input.giverId } : null;
  const describe = (audience: FeedbackAudience) =>
    whoWillSee({
      recipientName: recipient.name,
      manager: manager && { name: manager.name, isViewer: manager.isGiver },
      audience,
    });
  const shared = input.audience === "recipient_and_manager" && manager !== null;
  return {
    recipient: { id: recipient.id, name: recipient.name },
    manager,
    audience: input.audience,
    readerNames: shared ? [recipient.name, manager.isGiver ? "you" : manager.name] : [recipient.name],
    summary: describe(input.audience),
    summaries: { recipient: describe("recipient"), recipient_and_manager: describe("recipient_and_manager") },
  };
}
