// Microsoft's ceilings on proactive messages, for the fake Bot Connector (fake-connector.ts): sliding windows per
// app per tenant and per bot per conversation; a post over any of them is refused with a Retry-After.

export interface ActivityCeilingOptions {
  perTenant?: { limit: number; windowMs: number };
  perConversation?: { limit: number; windowMs: number }[];
  retryAfterSeconds?: number;
}

/** Sliding-window counters for the activity ceilings: per tenant, and per conversation in every window given. */
export function createActivityLimits() {
  let perTenant: { limit: number; windowMs: number } | undefined;
  let perConversation: { limit: number; windowMs: number }[] = [];
  let retryAfterSeconds = 1;
  const tenantHits = new Map<string, number[]>();
  const conversationHits = new Map<string, number[]>();
  const limits = {
    refusals: 0,
    configure(options: ActivityCeilingOptions) {
      perTenant = options.perTenant;
      perConversation = options.perConversation ?? [];
      retryAfterSeconds = options.retryAfterSeconds ?? 1;
    },
    /** Retry-After seconds when this post is over a ceiling (nothing counted), else undefined (the post counted). */
    refuse(tenantId: string | null, conversationId: string, at: number): number | undefined {
      const longest = Math.max(0, ...perConversation.map((window) => window.windowMs));
      const tenant = perTenant && tenantId ? recent(tenantHits, tenantId, at, perTenant.windowMs) : undefined;
      const conversation = perConversation.length ? recent(conversationHits, conversationId, at, longest) : [];
      const over =
        (tenant && tenant.length >= perTenant!.limit) ||
        perConversation.some(
          (window) => conversation.filter((hit) => hit > at - window.windowMs).length >= window.limit,
        );
      if (over) {
        limits.refusals++;
        return retryAfterSeconds;
      }
      tenant?.push(at);
      if (perConversation.length) conversation.push(at);
      return undefined;
    },
  };
  return limits;
}

function recent(hits: Map<string, number[]>, key: string, at: number, windowMs: number): number[] {
  const kept = (hits.get(key) ?? []).filter((hit) => hit > at - windowMs);
  hits.set(key, kept);
  return kept;
}
