// What every Slack listener gets: the platform deps plus the adapter's own Web API client and directory.
import type { SlackDirectory } from "../../../domain/people/identify-slack-user.ts";
import type { PlatformDeps } from "../../platform.ts";
import type { WebClient } from "../web-client.ts";

export interface SlackListenerDeps extends PlatformDeps {
  client: WebClient;
  directory: SlackDirectory;
  /** SLACK_KUDOS_CHANNEL: where public kudos are posted, whatever channel they were given in. */
  kudosChannel?: string;
  /**
   * How long a modal submission may work before it must acknowledge. Within it, a refusal is shown inline in the
   * modal; past it the modal closes and the outcome arrives as a DM. Slack allows 3 s in all: the budget starts
   * before admission (within-budget.ts), so a wait for admission comes out of it.
   */
  interactionBudgetMs: number;
}
