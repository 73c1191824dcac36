// Inputs of the announcement use cases. Channel ids are the platform's own (a Slack channel id, the conversation id
// of a Teams channel the app was added to): the adapters pick them, the domain only stores and routes them.
import { z } from "zod";
import { freeText } from "../text.schemas.ts";

export const ANNOUNCEMENT_TEXT_MAX = 3000;
export const ANNOUNCEMENT_TARGETS_MAX = 20;

const id = z.string().trim().min(1).max(200);

export const AnnouncementTargetInput = z.object({
  platform: z.enum(["slack", "teams"]),
  channel: z.string().trim().min(1).max(300),
  /** A Slack channel's workspace, so the post uses that workspace's token (OAuth installs). */
  teamId: z.string().trim().min(1).max(100).optional(),
});
export type AnnouncementTargetInput = z.infer<typeof AnnouncementTargetInput>;

export const CreateAnnouncementInput = z.object({
  authorId: id,
  text: freeText(
    z
      .string()
      .trim()
      .min(1, "Write the announcement first.")
      .max(
        ANNOUNCEMENT_TEXT_MAX,
        `An announcement can be at most ${ANNOUNCEMENT_TEXT_MAX} characters: please shorten it.`,
      ),
    "Write the announcement first.",
  ),
  targets: z
    .array(AnnouncementTargetInput, { error: "Choose at least one channel to post in." })
    .min(1, "Choose at least one channel to post in.")
    .max(ANNOUNCEMENT_TARGETS_MAX, `Choose at most ${ANNOUNCEMENT_TARGETS_MAX} channels for one announcement.`),
  withAck: z.boolean().default(false),
  /** Idempotency key of the request (the Slack view id, the Teams dialog's form id): a second copy is a no-op. */
  requestKey: z.string().trim().min(1).max(300),
  /** The review cycle this announcement is about, when it was offered by a cycle launch. */
  cycleId: id.nullish(),
});
export type CreateAnnouncementOptions = z.input<typeof CreateAnnouncementInput>;

export const AcknowledgeAnnouncementInput = z.object({ announcementId: id, personId: id });
export type AcknowledgeAnnouncementOptions = z.input<typeof AcknowledgeAnnouncementInput>;

export const AnnouncementStatusInput = z.object({
  actorId: id,
  /** Null or absent: the latest announcement. */
  announcementId: id.nullish(),
});
export type AnnouncementStatusOptions = z.input<typeof AnnouncementStatusInput>;

export const FollowUpInput = z.object({ actorId: id, announcementId: id });
export type FollowUpOptions = z.input<typeof FollowUpInput>;

/** Outbox keys: one channel post per target, one follow-up DM per person, ever. */
export const announcementPostKey = (announcementId: string, platform: string, channel: string) =>
  `announcement:${announcementId}:${platform}:${channel}`;
export const announcementFollowUpKey = (announcementId: string, personId: string) =>
  `announcement-followup:${announcementId}:${personId}`;
