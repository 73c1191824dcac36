// Installation and conversation-update events carry the references proactive sends need: a personal install
// gives the person's 1:1 chat; adding the app to a team gives the channel.
import { CardFactory, type TurnContext } from "botbuilder";
import { isPersonalChat, teamChannelOf } from "../activity.ts";
import { getHome } from "../../../domain/summaries/get-home.ts";
import { helpCard } from "../cards/help-card.ts";
import { homeCard } from "../cards/home-card.ts";
import { onAddedToTeam, onMembersJoined } from "../directory.ts";
import { identifyActor } from "../identity.ts";
import { rememberTeamsChannel } from "../../../domain/directory/teams-channels.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { logWarning } from "../../../shared/log-error.ts";

/** Stores whatever reference this conversation offers; returns what it was. */
export async function rememberConversation(
  deps: TeamsHandlerDeps,
  context: TurnContext,
): Promise<"personal" | "channel" | "none"> {
  const activity = context.activity;
  try {
    if (isPersonalChat(activity)) {
      await identifyActor(deps.domain, context);
      return "personal";
    }
    const channel = teamChannelOf(activity);
    if (channel) {
      await rememberTeamsChannel(deps.domain, channel);
      return "channel";
    }
  } catch (error) {
    // Nobody typed anything, so there is nobody to answer: record why the reference is missing.
    logWarning(deps.logger, error, "could not store a Teams conversation reference", {
      conversationType: activity.conversation?.conversationType,
    });
  }
  return "none";
}

export async function onAppInstalled(deps: TeamsHandlerDeps, context: TurnContext): Promise<void> {
  const stored = await rememberConversation(deps, context);
  // A personal install is the one moment a welcome is expected (store policy: no unprompted DMs to a team).
  if (stored !== "personal") return;
  // One message: what Momentum can do, and the person's own home card (goals, check-in, reviews, kudos, team).
  const home = await identifyActor(deps.domain, context)
    .then((person) => getHome(deps.domain, { personId: person.id }))
    .catch(() => null);
  const cards = [helpCard(), ...(home ? [homeCard(home)] : [])];
  await context.sendActivity({ attachments: cards.map((card) => CardFactory.adaptiveCard(card)) });
}

/**
 * Momentum added to a team: store the channel, remember the team and read its roster, so everyone in it can be
 * messaged before they ever talk to Momentum. People joining a team Momentum is in are linked as they join.
 */
export async function onMembersAdded(deps: TeamsHandlerDeps, context: TurnContext): Promise<void> {
  const activity = context.activity;
  const botId = activity.recipient?.id;
  const added = activity.membersAdded ?? [];
  const botWasAdded = added.some((member) => member.id === botId);
  const channel = teamChannelOf(activity);
  const teamId = (activity.channelData as { team?: { id?: string; name?: string } } | undefined)?.team;
  if (botWasAdded) {
    await rememberConversation(deps, context);
    if (channel && teamId?.id) {
      await onAddedToTeam({ ...deps.directory, track: (work) => deps.inFlight.track(work) }, context, {
        teamId: teamId.id,
        name: teamId.name ?? channel.name,
        reference: channel.reference,
      });
    }
    return;
  }
  if (channel && teamId?.id) {
    await onMembersJoined(deps.directory, context, added).catch((error: unknown) =>
      logWarning(deps.logger, error, "could not link Teams members who joined a team"),
    );
  }
}
