// Opening the app's Home tab shows the viewer's own week (only ever theirs: the Slack user who opened it), how to
// give kudos, and this month's leaderboard in the viewer's time zone.
import type { App } from "@slack/bolt";
import { kudosLeaderboard } from "../../../../domain/kudos/kudos-leaderboard.ts";
import { getHome } from "../../../../domain/summaries/get-home.ts";
import { logWarning } from "../../../../shared/log-error.ts";
import { identifyActor } from "../../slack-people.ts";
import { appHomeView } from "../../views/app-home.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { AppHomeOpenedPayload } from "../payloads.ts";

export const APP_HOME_OPENED = "app_home_opened";

export function registerAppHomeOpened(app: App, deps: SlackListenerDeps): void {
  app.event(APP_HOME_OPENED, async ({ body }) => {
    const payload = AppHomeOpenedPayload.safeParse(body);
    if (!payload.success || (payload.data.event.tab ?? "home") !== "home") return;
    await deps.inFlight.track(publishHome(deps, payload.data.team_id, payload.data.event.user));
  });
}

async function publishHome(deps: SlackListenerDeps, teamId: string, userId: string): Promise<void> {
  try {
    const viewer = await identifyActor(deps.domain, deps.directory, teamId, userId).catch(() => null);
    const [board, home] = await Promise.all([
      kudosLeaderboard(deps.domain, { timeZone: viewer?.timeZone ?? deps.domain.org.defaultTimeZone }),
      viewer ? getHome(deps.domain, { personId: viewer.id }) : Promise.resolve(null),
    ]);
    await deps.client.views.publish({
      user_id: userId,
      view: appHomeView({ values: deps.domain.org.kudosValues, board, home }),
    });
  } catch (error) {
    logWarning(deps.logger, error, "could not publish the Slack Home tab");
  }
}
