// The announcement dialog: `task/fetch` answers the form with the team channels where Momentum is installed (this
// tenant's TeamsChannel rows); `task/submit` creates the announcement (HR only) and closes the dialog with a
// confirmation in the author's chat, or re-renders the form with the problem and everything kept. The form id minted
// at fetch time is the request key: the same dialog submitted twice creates one announcement, one post per channel.
import { randomUUID } from "node:crypto";
import { CardFactory, type TaskModuleResponse, type TurnContext } from "botbuilder";
import { z } from "zod";
import { createAnnouncement } from "../../../domain/announcements/create-announcement.ts";
import { listTeamsChannels } from "../../../domain/directory/teams-channels.ts";
import { requireRole } from "../../../domain/people/person.ts";
import { reviewCycleAnnouncement } from "../../../domain/reviews/review-cycle-announcement.ts";
import { userMessageFor, validationError } from "../../../shared/errors.ts";
import { tenantIdOf } from "../activity.ts";
import { ANNOUNCE_FORM_TITLE, announceFormCard, type AnnounceFormValues } from "../cards/announce-form.ts";
import { identifyActor } from "../identity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { replyPrivately } from "./tell-actor.ts";
import { logError } from "../../../shared/log-error.ts";

const Submission = z.object({
  formId: z.uuid(),
  cycleId: z.string().max(200).optional().catch(undefined),
  channels: z.string().optional().catch(undefined),
  text: z.string().optional().catch(undefined),
  withAck: z.string().optional().catch(undefined),
});
const OpenData = z.object({ cycleId: z.string().max(200).optional().catch(undefined) });

async function channelsFor(deps: TeamsHandlerDeps, context: TurnContext) {
  return listTeamsChannels(deps.domain, { tenantId: tenantIdOf(context.activity) });
}

function formResponse(card: ReturnType<typeof announceFormCard>): TaskModuleResponse {
  return {
    task: {
      type: "continue",
      value: { title: ANNOUNCE_FORM_TITLE, width: "medium", height: "large", card: CardFactory.adaptiveCard(card) },
    },
  };
}

export async function fetchAnnounceForm(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  data: unknown,
): Promise<TaskModuleResponse> {
  try {
    const person = await identifyActor(deps.domain, context);
    requireRole(person, "hr", "send announcements");
    const channels = await channelsFor(deps, context);
    if (channels.length === 0)
      throw validationError(
        "Momentum isn't in any team channel yet: add it to a team first (Apps → Momentum → Add to a team).",
      );
    // Opened from a review-cycle launch: the cycle's own announcement, editable, linked to the cycle.
    const cycleId = OpenData.safeParse(data ?? {}).data?.cycleId;
    const suggested = cycleId ? await reviewCycleAnnouncement(deps.domain, { actorId: person.id, cycleId }) : null;
    return formResponse(
      announceFormCard({
        formId: randomUUID(),
        cycleId: suggested?.cycleId,
        channels,
        values: { text: suggested?.text },
      }),
    );
  } catch (error) {
    logError(deps.logger, error, "announcement dialog failed");
    return { task: { type: "message", value: userMessageFor(error) } };
  }
}

export async function submitAnnounceForm(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  data: unknown,
): Promise<TaskModuleResponse | undefined> {
  const parsed = Submission.safeParse(data ?? {});
  if (!parsed.success)
    return { task: { type: "message", value: "Teams sent a form Momentum couldn't read. Please open it again." } };
  const submission = parsed.data;
  const values: AnnounceFormValues = {
    channels: (submission.channels ?? "")
      .split(",")
      .map((id) => id.trim())
      .filter(Boolean),
    text: submission.text,
    withAck: submission.withAck === "true",
  };
  const channels = await channelsFor(deps, context);
  try {
    const person = await identifyActor(deps.domain, context);
    const offered = new Set(channels.map((channel) => channel.conversationId));
    if (values.channels!.some((id) => !offered.has(id)))
      throw validationError("One of those channels is no longer available to Momentum: choose again.");
    const result = await createAnnouncement(deps.domain, {
      authorId: person.id,
      text: values.text ?? "",
      targets: values.channels!.map((channel) => ({ platform: "teams" as const, channel })),
      withAck: values.withAck,
      requestKey: `teams:announce-form:${submission.formId}`,
      cycleId: submission.cycleId ?? null,
    });
    if (result.duplicate) return undefined;
    deps.kickDeliveries();
    const names = channels
      .filter((channel) => values.channels!.includes(channel.conversationId))
      .map((channel) => channel.name);
    const ack = result.withAck ? ' Type "announce status" to see who has acknowledged it.' : "";
    await replyPrivately(
      deps,
      context,
      `📣 Your announcement is on its way to ${names.join(", ")}.${ack}`,
      "📣 Your announcement is on its way.",
    );
    return undefined;
  } catch (error) {
    logError(deps.logger, error, "announcement dialog failed");
    return formResponse(
      announceFormCard({
        formId: submission.formId,
        cycleId: submission.cycleId,
        channels,
        values,
        formError: userMessageFor(error),
      }),
    );
  }
}
