// A Teams message or card click can be delivered again (Teams retries when our answer was slow or lost). Each write
// a person starts from one runs once per activity: its use case claims the activity's key in its own transaction.
import type { TurnContext } from "botbuilder";
import type { DomainContext } from "../../../domain/context.ts";
import { onceForRequest, type RequestOutcome } from "../../../domain/request-keys.ts";
import { activityKey } from "../activity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";

/**
 * `{ done: false }` when an earlier delivery of this activity already did the work (and answered): say nothing more.
 * A delivery that failed left nothing behind, so the next one does the work.
 */
export function oncePerActivity<T>(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  useCase: (domain: DomainContext) => Promise<T>,
): Promise<RequestOutcome<T>> {
  return onceForRequest(deps.domain, activityKey(context.activity), useCase);
}
