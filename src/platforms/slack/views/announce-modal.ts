// The `/announce` modal: channels, message, "Ask people to acknowledge". When a chosen channel can't take the post
// (a private channel Momentum isn't in), the same modal comes back with everything kept and a warning naming the
// channel: `<#C…>` in a section renders as the channel's name for the HR person, who is a member of it.
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { ANNOUNCEMENT_TARGETS_MAX, ANNOUNCEMENT_TEXT_MAX } from "../../../domain/announcements/announcement.schemas.ts";
import { context, escapeMrkdwn, plain, section } from "./text.ts";

export const ANNOUNCE_MODAL_CALLBACK = "announce_modal";
export const ANNOUNCE_BLOCKS = { channels: "announce_channels", text: "announce_text", ack: "announce_ack" } as const;
export const ANNOUNCE_ACTIONS = { channels: "channels", text: "text", ack: "ack" } as const;
export const ACK_OPTION_VALUE = "ack";

/** What the modal remembers between opening and submission (private_metadata). */
export interface AnnounceModalMetadata {
  /** Set when a review-cycle launch offered to announce itself. */
  cycleId: string | null;
}

export interface AnnounceModalValues {
  channels?: string[];
  text?: string;
  withAck?: boolean;
}

export interface ChannelProblem {
  channel: string;
  /** Slack answers channel_not_found for a private channel the bot isn't in: that is "private-not-member" too. */
  reason: "private-not-member" | "archived";
}

export function announceModal(
  options: { values?: AnnounceModalValues; metadata?: AnnounceModalMetadata; problems?: ChannelProblem[] } = {},
): ModalView {
  const values = options.values ?? {};
  const ackOption: PlainTextOption = { text: plain("Ask people to acknowledge", 75), value: ACK_OPTION_VALUE };
  const problems = options.problems ?? [];
  const blocks: KnownBlock[] = [
    ...(problems.length > 0 ? [section(channelProblemsText(problems))] : []),
    context(
      "Momentum posts it in each channel once. Public channels it isn't in yet are joined automatically; invite it to private ones first.",
    ),
    {
      type: "input",
      block_id: ANNOUNCE_BLOCKS.channels,
      label: plain("Post in"),
      element: {
        type: "multi_conversations_select",
        action_id: ANNOUNCE_ACTIONS.channels,
        placeholder: plain("Choose channels"),
        max_selected_items: ANNOUNCEMENT_TARGETS_MAX,
        filter: { include: ["public", "private"], exclude_bot_users: true },
        ...(values.channels && values.channels.length > 0
          ? { initial_conversations: values.channels.slice(0, ANNOUNCEMENT_TARGETS_MAX) }
          : {}),
      },
    } satisfies InputBlock,
    {
      type: "input",
      block_id: ANNOUNCE_BLOCKS.text,
      label: plain("Message"),
      element: {
        type: "plain_text_input",
        action_id: ANNOUNCE_ACTIONS.text,
        multiline: true,
        max_length: ANNOUNCEMENT_TEXT_MAX,
        placeholder: plain("Our review cycle starts on Monday…"),
        ...(values.text ? { initial_value: values.text.slice(0, ANNOUNCEMENT_TEXT_MAX) } : {}),
      },
    },
    {
      type: "input",
      block_id: ANNOUNCE_BLOCKS.ack,
      optional: true,
      label: plain("Acknowledgement"),
      hint: plain(
        "Adds an Acknowledge button; /announce status then shows who hasn't clicked it, and you can remind them once.",
      ),
      element: {
        type: "checkboxes",
        action_id: ANNOUNCE_ACTIONS.ack,
        options: [ackOption],
        ...(values.withAck ? { initial_options: [ackOption] } : {}),
      },
    },
  ];
  return {
    type: "modal",
    callback_id: ANNOUNCE_MODAL_CALLBACK,
    title: plain("New announcement", 24),
    submit: plain("Post", 24),
    close: plain("Cancel", 24),
    private_metadata: JSON.stringify(options.metadata ?? { cycleId: null }),
    blocks,
  };
}

/** Names each channel (`<#C…>`) and says what to do about it. */
export function channelProblemsText(problems: ChannelProblem[]): string {
  const lines = problems.slice(0, 20).map(({ channel, reason }) => {
    const name = `<#${escapeMrkdwn(channel)}>`;
    if (reason === "archived") return `• ${name} is archived: choose another channel.`;
    return `• ${name} is private and Momentum isn't a member: invite it there with \`/invite @Momentum\`, or remove the channel.`;
  });
  return [":warning: *Nothing was posted.* Momentum can't post in:", ...lines].join("\n");
}

export function readAnnounceModalMetadata(raw: string): AnnounceModalMetadata {
  try {
    const parsed = JSON.parse(raw) as { cycleId?: unknown };
    return { cycleId: typeof parsed.cycleId === "string" && parsed.cycleId.length <= 200 ? parsed.cycleId : null };
  } catch {
    return { cycleId: null };
  }
}
