// The outer shape of a Bot Framework activity, checked before botbuilder sees it. botbuilder assumes these fields
// have the right types and answers 500 (TypeError inside the connector factory) when, say, serviceUrl is not a
// string: found by the reliability fuzz (R6). Handlers still validate their own fields. Anything else: 400.
import type { RequestHandler } from "express";
import { z } from "zod";

const Id = z.string().min(1).max(1000);

const ActivityEnvelope = z
  .object({
    type: z.string().min(1).max(100),
    id: Id.optional(),
    channelId: z.string().min(1).max(100),
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2000),
    from: z
      .object({ id: Id, name: z.string().max(1000).nullish(), aadObjectId: z.string().max(200).nullish() })
      .passthrough(),
    conversation: z
      .object({ id: Id, conversationType: z.string().max(100).nullish(), tenantId: z.string().max(200).nullish() })
      .passthrough(),
    recipient: z.object({ id: Id }).passthrough().optional(),
    text: z.string().max(100_000).nullish(),
    name: z.string().max(200).nullish(),
    entities: z.array(z.object({ type: z.string().max(100) }).passthrough()).nullish(),
    channelData: z.object({}).passthrough().nullish(),
    membersAdded: z.array(z.object({ id: Id }).passthrough()).nullish(),
    localTimezone: z.string().max(100).nullish(),
  })
  .passthrough();

export function activityEnvelopeGuard(): RequestHandler {
  return (req, res, next) => {
    if (!ActivityEnvelope.safeParse(req.body).success) {
      res.status(400).json({ error: "not a Bot Framework activity" });
      return;
    }
    next();
  };
}
