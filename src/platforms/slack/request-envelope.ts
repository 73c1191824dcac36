// The outer shape of what Slack posts, checked before Bolt sees it. Bolt assumes these fields exist and answers
// 500 when a signed body lacks them (found by the reliability fuzz, R6); the listeners check their own fields
// with zod (listeners/payloads.ts). Anything else is a client error: 400.
import { z } from "zod";

const Id = z.string().min(1).max(255);

const EventEnvelope = z.union([
  z.object({ type: z.literal("url_verification"), challenge: z.string().max(1000) }),
  z.object({
    type: z.literal("event_callback"),
    event_id: Id,
    team_id: Id.optional(),
    // Bolt reads event.user and event.channel to route; a null there answered 500. Some events carry objects.
    event: z
      .object({
        type: z.string().min(1).max(255),
        user: z.union([Id, z.object({}).passthrough()]).optional(),
        channel: z.union([Id, z.object({}).passthrough()]).optional(),
      })
      .passthrough(),
  }),
  // Sent when Momentum is rate limited by the Events API; answered 200 and ignored.
  z.object({ type: z.literal("app_rate_limited"), team_id: Id.optional() }),
]);

const InteractionEnvelope = z
  .object({
    type: z.string().min(1).max(255),
    user: z.object({ id: Id }).passthrough(),
    team: z.object({ id: Id }).passthrough().nullish(),
    view: z.object({ id: Id }).passthrough().optional(),
    actions: z.array(z.object({ action_id: z.string().max(255) }).passthrough()).optional(),
  })
  .passthrough()
  .refine(
    (payload) => !payload.type.startsWith("view_") || payload.view !== undefined,
    "a view payload without its view",
  );

const CommandEnvelope = z.object({ command: z.string().regex(/^\/\S{1,31}$/), team_id: Id, user_id: Id });

/** True when the body has the outer shape Slack sends for its content type. */
export function isSlackEnvelope(contentType: "form" | "json", body: string): boolean {
  if (contentType === "json") return EventEnvelope.safeParse(parseJson(body)).success;
  const form = new URLSearchParams(body);
  if (form.has("ssl_check")) return !form.has("payload") && !form.has("command");
  const payload = form.get("payload");
  if (payload !== null) return InteractionEnvelope.safeParse(parseJson(payload)).success;
  return CommandEnvelope.safeParse(Object.fromEntries(form)).success;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
