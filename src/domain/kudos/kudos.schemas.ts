import { z } from "zod";
import { freeText } from "../text.schemas.ts";

export const KUDOS_MAX_LENGTH = 500;
export const KUDOS_MAX_RECIPIENTS = 10;

export const GiveKudosInput = z.object({
  giverId: z.string().min(1),
  recipientIds: z
    .array(z.string().min(1))
    .min(1, "Mention at least one person to thank, e.g. `@alice thanks for the demo`.")
    .max(KUDOS_MAX_RECIPIENTS, `You can thank at most ${KUDOS_MAX_RECIPIENTS} people at once.`),
  message: freeText(
    z
      .string()
      .trim()
      .min(1, "Add a few words saying what you're thanking them for.")
      .max(KUDOS_MAX_LENGTH, `Kudos can be at most ${KUDOS_MAX_LENGTH} characters: please shorten your message.`),
  ),
  value: z.string().trim().toLowerCase().nullish(),
  visibility: z.enum(["public", "private"]).default("public"),
  platform: z.enum(["slack", "teams"]),
  /** Idempotency key of the request (Slack trigger/view id, Teams activity id). */
  requestKey: z.string().min(1).max(300),
  /** Where the public post goes when no kudos channel is configured: the channel it was given in. */
  channel: z
    .discriminatedUnion("kind", [
      z.object({ kind: z.literal("slack-channel"), channel: z.string().min(1), teamId: z.string().min(1).optional() }),
      z.object({ kind: z.literal("teams-channel"), conversationId: z.string().min(1) }),
    ])
    .nullish(),
});
export type GiveKudosOptions = z.input<typeof GiveKudosInput>;

/** Pulls a `#value` hashtag out of a kudos text: "great demo #teamwork" → value "teamwork". */
export function splitValueTag(text: string): { message: string; value: string | null } {
  const tags = [...text.matchAll(/(^|\s)#([\p{L}\p{N}_-]+)/gu)];
  if (tags.length === 0) return { message: text.trim(), value: null };
  const last = tags[tags.length - 1];
  return { message: text.trim(), value: last[2].toLowerCase() };
}
