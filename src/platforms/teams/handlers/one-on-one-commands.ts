// The manager's week on Teams: `one-on-one @Report friday 10:00` sets a pair's 1:1 slot, `summary [@Manager]` shows
// a team summary (a manager their own; HR anyone's), `home` shows the home card; and the 1:1 agenda's buttons (the
// private-note dialog and "Mark 1:1 done"). Every answer is private to the person who acted; the domain decides
// who may do what, always for the Teams user who acted, never for an id taken from the card.
import { CardFactory, type ChannelAccount, type TaskModuleResponse, type TurnContext } from "botbuilder";
import { z } from "zod";
import { addOneOnOneNote } from "../../../domain/one-on-ones/add-one-on-one-note.ts";
import { markOneOnOneDone } from "../../../domain/one-on-ones/mark-one-on-one-done.ts";
import { ONE_ON_ONE_HELP, parseOneOnOneSlotText } from "../../../domain/one-on-ones/one-on-one-text.ts";
import { requireCurrentManager } from "../../../domain/one-on-ones/report-access.ts";
import { setOneOnOneSlot } from "../../../domain/one-on-ones/set-one-on-one-slot.ts";
import { getHome } from "../../../domain/summaries/get-home.ts";
import { getTeamSummary } from "../../../domain/summaries/get-team-summary.ts";
import { AppError, userMessageFor, validationError } from "../../../shared/errors.ts";
import { activityKey } from "../activity.ts";
import { homeCard } from "../cards/home-card.ts";
import {
  ONE_ON_ONE_NOTE_TITLE,
  oneOnOneNoteFormCard,
  oneOnOneReplyCard,
  type AgendaButtonData,
} from "../cards/one-on-one-cards.ts";
import { teamSummaryCard } from "../cards/summary-card.ts";
import { identifyActor, identifyMember } from "../identity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { oncePerActivity } from "./once-per-activity.ts";
import { replyPrivately } from "./tell-actor.ts";
import { logError } from "../../../shared/log-error.ts";

const OPEN_A_CHAT =
  "That's private, so I answer it in our personal chat. Open a chat with Momentum (Apps → Momentum) and type it there.";
const PAIR = z.object({
  reportId: z.string().min(1).max(100),
  periodKey: z.string().max(10),
  builtAt: z.string().max(40),
});
const NOTE = PAIR.extend({ note: z.string().optional().catch(undefined) });

export async function handleOneOnOneSlot(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  mentions: ChannelAccount[],
  rest: string,
): Promise<void> {
  if (mentions.length !== 1) throw validationError(ONE_ON_ONE_HELP.replace("@alice", "@Alice"));
  const parsed = parseOneOnOneSlotText(rest);
  if (!parsed.ok) throw validationError(parsed.error);
  const actor = await identifyActor(deps.domain, context);
  const report = await identifyMember(deps.domain, context, mentions[0]);
  const outcome = await oncePerActivity(deps, context, (domain) =>
    setOneOnOneSlot(domain, {
      actorId: actor.id,
      reportId: report.id,
      weekday: parsed.command.weekday,
      time: parsed.command.time,
    }),
  );
  if (!outcome.done) return;
  const result = outcome.result;
  const text = `📅 Your weekly 1:1 with ${result.reportName} is ${result.isDefault ? "back on the default, " : ""}${result.weekdayName} at ${result.time} (${result.timeZone}). The next one is ${result.nextSlotLabel}; its agenda arrives ${result.nextAgendaLabel}.`;
  await replyPrivately(deps, context, text, "Done. Open a chat with Momentum (Apps → Momentum) to see the details.");
}

export async function showTeamSummary(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  mentions: ChannelAccount[],
): Promise<void> {
  if (mentions.length > 1) throw validationError("Type summary for your team, or (HR) summary @Manager.");
  const viewer = await identifyActor(deps.domain, context);
  const manager = mentions.length === 1 ? await identifyMember(deps.domain, context, mentions[0]) : viewer;
  const summary = await getTeamSummary(deps.domain, { viewerId: viewer.id, managerId: manager.id });
  const card = teamSummaryCard(summary, { forSomeoneElse: manager.id !== viewer.id });
  await replyPrivately(deps, context, { attachments: [CardFactory.adaptiveCard(card)] }, OPEN_A_CHAT);
}

export async function showHome(deps: TeamsHandlerDeps, context: TurnContext): Promise<void> {
  const person = await identifyActor(deps.domain, context);
  const card = homeCard(await getHome(deps.domain, { personId: person.id }));
  await replyPrivately(deps, context, { attachments: [CardFactory.adaptiveCard(card)] }, OPEN_A_CHAT);
}

/** "Mark 1:1 done" (an Action.Submit arriving as a message with a value). */
export async function markDoneFromCard(deps: TeamsHandlerDeps, context: TurnContext): Promise<void> {
  const pair = readPair(context.activity.value);
  const manager = await identifyActor(deps.domain, context);
  const outcome = await oncePerActivity(deps, context, (domain) =>
    markOneOnOneDone(domain, {
      managerId: manager.id,
      reportId: pair.reportId,
      periodKey: pair.periodKey,
      shownAt: pair.builtAt,
    }),
  );
  if (!outcome.done) return;
  const result = outcome.result;
  const text = result.newlyDone
    ? `✅ Your 1:1 with ${result.reportName} for ${result.weekLabel} is marked done${result.closedNotes > 0 ? `, and ${result.closedNotes} ${result.closedNotes === 1 ? "note was" : "notes were"} closed` : ""}.`
    : `Your 1:1 with ${result.reportName} for ${result.weekLabel} was already marked done.`;
  await replyPrivately(deps, context, { attachments: [CardFactory.adaptiveCard(oneOnOneReplyCard(text))] }, text);
}

/** task/fetch from "Add a private note": the dialog, only for the report's current manager. */
export async function fetchOneOnOneNoteForm(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  data: unknown,
): Promise<TaskModuleResponse> {
  try {
    const pair = readPair(data);
    const manager = await identifyActor(deps.domain, context);
    const { report } = await requireCurrentManager(deps.domain, manager.id, pair.reportId);
    return noteDialog(report.name, pair);
  } catch (error) {
    logError(deps.logger, error, "a 1:1 request failed");
    return { task: { type: "message", value: userMessageFor(error) } };
  }
}

/** task/submit of the note dialog: stored once per activity, or the dialog again with the problem and the text kept. */
export async function submitOneOnOneNoteForm(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  data: unknown,
): Promise<TaskModuleResponse | undefined> {
  const parsed = NOTE.safeParse(data ?? {});
  if (!parsed.success)
    return {
      task: { type: "message", value: "That note isn't attached to anyone. Open it again from the 1:1 agenda." },
    };
  const { note, ...pair } = parsed.data;
  let reportName = "your report";
  try {
    const manager = await identifyActor(deps.domain, context);
    reportName = (await requireCurrentManager(deps.domain, manager.id, pair.reportId)).report.name;
    // The activity is the request: a redelivered submission stores nothing more (null) and was already confirmed.
    const result = await addOneOnOneNote(deps.domain, {
      managerId: manager.id,
      reportId: pair.reportId,
      text: note ?? "",
      requestKey: activityKey(context.activity),
    });
    if (!result) return undefined;
    const text = `📝 Saved. Your note will be in the agenda of your next 1:1 with ${result.reportName} (${result.openNotes} open ${result.openNotes === 1 ? "note" : "notes"}).`;
    await replyPrivately(deps, context, { attachments: [CardFactory.adaptiveCard(oneOnOneReplyCard(text))] }, "Saved.");
    return undefined;
  } catch (error) {
    logError(deps.logger, error, "a 1:1 request failed");
    if (error instanceof AppError && error.code === "FORBIDDEN")
      return { task: { type: "message", value: error.userMessage } };
    return noteDialog(reportName, pair, userMessageFor(error), note);
  }
}

function noteDialog(reportName: string, pair: AgendaButtonData, error?: string, text?: string): TaskModuleResponse {
  const card = oneOnOneNoteFormCard({ reportName, pair, error, text });
  return {
    task: {
      type: "continue",
      value: { title: ONE_ON_ONE_NOTE_TITLE, width: "medium", height: "medium", card: CardFactory.adaptiveCard(card) },
    },
  };
}

function readPair(data: unknown): AgendaButtonData {
  const parsed = PAIR.safeParse(data ?? {});
  if (!parsed.success)
    throw validationError("That button is from an agenda Momentum can't read. Use the latest 1:1 agenda.");
  return parsed.data;
}
