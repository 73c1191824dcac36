// Reads a submitted kudos modal. Field problems are returned keyed by block id, so Slack shows them next to the
// field and the modal keeps everything the person typed.
import { GiveKudosInput } from "../../../../domain/kudos/kudos.schemas.ts";
import { KUDOS_ACTIONS, KUDOS_BLOCKS, type KudosModalMetadata } from "../../views/kudos-modal.ts";
import type { ViewSubmissionPayload } from "../payloads.ts";

export interface KudosSubmission {
  recipientUserIds: string[];
  message: string;
  value: string | null;
  visibility: "public" | "private";
  metadata: KudosModalMetadata;
}

export type ParsedSubmission =
  { ok: true; submission: KudosSubmission } | { ok: false; errors: Record<string, string> };

export function parseKudosSubmission(payload: ViewSubmissionPayload, kudosValues: string[]): ParsedSubmission {
  const values = payload.view.state.values;
  const field = (block: string, action: string) => values[block]?.[action];
  const recipientUserIds = field(KUDOS_BLOCKS.recipients, KUDOS_ACTIONS.recipients)?.selected_users ?? [];
  const message = field(KUDOS_BLOCKS.message, KUDOS_ACTIONS.message)?.value ?? "";
  const value = field(KUDOS_BLOCKS.value, KUDOS_ACTIONS.value)?.selected_option?.value ?? null;
  const visibility = field(KUDOS_BLOCKS.visibility, KUDOS_ACTIONS.visibility)?.selected_option?.value ?? "public";

  const errors: Record<string, string> = {};
  const recipientsCheck = GiveKudosInput.shape.recipientIds.safeParse(recipientUserIds);
  if (!recipientsCheck.success) errors[KUDOS_BLOCKS.recipients] = recipientsCheck.error.issues[0].message;
  else if (recipientUserIds.includes(payload.user.id))
    errors[KUDOS_BLOCKS.recipients] = "You can't give kudos to yourself, but thanks for the enthusiasm!";
  const messageCheck = GiveKudosInput.shape.message.safeParse(message);
  if (!messageCheck.success) errors[KUDOS_BLOCKS.message] = messageCheck.error.issues[0].message;
  if (value !== null && !kudosValues.includes(value))
    errors[KUDOS_BLOCKS.value] = "Pick one of the listed company values.";
  if (visibility !== "public" && visibility !== "private")
    errors[KUDOS_BLOCKS.visibility] = "Choose public or private.";
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  return {
    ok: true,
    submission: {
      recipientUserIds,
      message: messageCheck.data!,
      value,
      visibility: visibility as "public" | "private",
      metadata: readMetadata(payload.view.private_metadata),
    },
  };
}

function readMetadata(raw: string): KudosModalMetadata {
  try {
    const parsed = JSON.parse(raw) as { channelId?: unknown };
    return {
      channelId:
        typeof parsed.channelId === "string" && /^[CG][A-Z0-9]+$/.test(parsed.channelId) ? parsed.channelId : null,
    };
  } catch {
    return { channelId: null };
  }
}
