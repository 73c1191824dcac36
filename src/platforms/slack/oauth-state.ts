// The OAuth `state` of /slack/install → /slack/oauth_redirect: HMAC-signed with SLACK_STATE_SECRET, valid for ten
// minutes on the injected clock, and usable once (claimed durably, on every instance), so a state that leaked in a
// URL or a browser history cannot complete a second install.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { InstallURLOptions, StateStore } from "@slack/bolt";
import type { DataContext } from "../../domain/context.ts";
import { claimInboundEvent } from "../../domain/inbound/claim-inbound-event.ts";

const STATE_LIFETIME_MS = 10 * 60 * 1000;

/** Thrown for a forged, expired or replayed state: Bolt's installer then answers the redirect with its failure page. */
export class InvalidOAuthStateError extends Error {
  readonly code = "slack_oauth_invalid_state";
}

export function createOAuthStateStore(domain: DataContext, secret: string): StateStore {
  const sign = (payload: string) => createHmac("sha256", secret).update(payload).digest("base64url");
  return {
    async generateStateParam(installOptions: InstallURLOptions): Promise<string> {
      const payload = Buffer.from(
        JSON.stringify({ at: domain.clock.now().getTime(), nonce: randomBytes(16).toString("hex"), installOptions }),
      ).toString("base64url");
      return `${payload}.${sign(payload)}`;
    },
    async verifyStateParam(_now: Date, state: string): Promise<InstallURLOptions> {
      const [payload, signature] = String(state ?? "").split(".");
      const expected = payload ? Buffer.from(sign(payload)) : Buffer.alloc(0);
      if (
        !payload ||
        !signature ||
        signature.length !== expected.length ||
        !timingSafeEqual(Buffer.from(signature), expected)
      )
        throw new InvalidOAuthStateError("the OAuth state is not one Momentum issued");
      const decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
        at: number;
        installOptions: InstallURLOptions;
      };
      if (domain.clock.now().getTime() - decoded.at > STATE_LIFETIME_MS)
        throw new InvalidOAuthStateError("the OAuth state has expired");
      const key = `slack-oauth-state:${createHash("sha256").update(state).digest("hex")}`;
      if (!(await claimInboundEvent(domain, key))) throw new InvalidOAuthStateError("the OAuth state was already used");
      return decoded.installOptions;
    },
  };
}
