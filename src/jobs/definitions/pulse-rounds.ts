// Pulse surveys on the delivery engine. Each tick: create the latest round that has opened (never an older one after
// downtime), close rounds whose time is up (sharing results back when HR chose so), and ask each person of an open
// round at the survey's local time in their own zone, then remind everyone who was asked once near the close:
// reminding only those who haven't answered would leave a per-person record of who didn't (the outbox), the list
// the survey promises nobody can draw. Keys are `pulse-ask:<round>:<person>` and `pulse-reminder:<round>:<person>`: exactly once per person and
// round across ticks, restarts and instances. Quiet hours and time away are honoured as for check-in prompts (here
// and again by the sender). A constant number of queries per active survey, whatever the org's size.
import { randomUUID } from "node:crypto";
import type { DomainContext } from "../../domain/context.ts";
import type { NewDelivery } from "../../domain/notifications/outbox.ts";
import { closeRound } from "../../domain/pulses/close-pulse-round.ts";
import { loadPulseAudience } from "../../domain/pulses/pulse-audience.ts";
import { pulseAskKey, pulseReminderKey } from "../../domain/pulses/pulse.schemas.ts";
import {
  ROUND_SELECT,
  SURVEY_SELECT,
  surveyOf,
  type PulseRoundRecord,
  type PulseSurveyRecord,
} from "../../domain/pulses/pulse-records.ts";
import { askAt, latestOpenedRound, reminderAt, roundClosesAt } from "../../domain/pulses/pulse-schedule.ts";
import { unlinkAnswers } from "../../domain/pulses/unlink-answers.ts";
import { isAwayAt } from "../../domain/schedule/away.ts";
import { formatLocalLabel, isIanaTimeZone } from "../../domain/schedule/local-time.ts";
import type { JobDefinition } from "../job.ts";
import { loadClaimedDeliveries, Memo } from "./check-in-candidates.ts";

export const PULSE_ASK_KIND = "pulse.ask";
export const PULSE_REMINDER_KIND = "pulse.reminder";

export const pulseRoundsJob: JobDefinition = {
  id: "pulse-rounds",
  async due(ctx, now) {
    const rows = await ctx.prisma.pulseSurvey.findMany({
      where: { OR: [{ stoppedAt: null }, { rounds: { some: { closedAt: null } } }] },
      select: SURVEY_SELECT,
    });
    if (rows.length === 0) return [];
    const surveys = new Map(rows.map((row) => [row.id, surveyOf(row)]));
    await createOpenedRounds(ctx, [...surveys.values()], now);

    const rounds = await ctx.prisma.pulseRound.findMany({
      where: { closedAt: null, surveyId: { in: [...surveys.keys()] } },
      select: ROUND_SELECT,
    });
    // Before anything else: no answer keeps the transaction id of its participation row past this tick.
    await unlinkAnswers(
      ctx,
      rounds.map((round) => round.id),
    );
    const open: PulseRoundRecord[] = [];
    for (const round of rounds) {
      if (round.closesAt.getTime() <= now.getTime())
        await closeRound(ctx, surveys.get(round.surveyId)!, round, round.closesAt);
      else open.push(round);
    }
    const due: NewDelivery[] = [];
    for (const round of open) due.push(...(await dueForRound(ctx, surveys.get(round.surveyId)!, round, now)));
    return due;
  },
};

async function createOpenedRounds(ctx: DomainContext, surveys: PulseSurveyRecord[], now: Date): Promise<void> {
  const data = surveys.flatMap((survey) => {
    if (survey.stoppedAt) return [];
    const latest = latestOpenedRound(survey, now);
    if (!latest) return [];
    return [
      {
        id: randomUUID(),
        surveyId: survey.id,
        number: latest.number,
        localDate: latest.localDate,
        closesAt: roundClosesAt(survey, latest.localDate),
        createdAt: now,
      },
    ];
  });
  // A round that has already closed is not created again: skipDuplicates on (surveyId, number).
  if (data.length > 0) await ctx.prisma.pulseRound.createMany({ data, skipDuplicates: true });
}

async function dueForRound(
  ctx: DomainContext,
  survey: PulseSurveyRecord,
  round: PulseRoundRecord,
  now: Date,
): Promise<NewDelivery[]> {
  const audience = await loadPulseAudience(ctx, survey.audience);
  const answered = new Set(
    (await ctx.prisma.pulseParticipation.findMany({ where: { roundId: round.id }, select: { personId: true } })).map(
      (row) => row.personId,
    ),
  );
  const claimed = await loadClaimedDeliveries(
    ctx,
    audience.flatMap((person) => [pulseAskKey(round.id, person.id), pulseReminderKey(round.id, person.id)]),
  );
  const zones = new Memo<string, string>((zone) => (isIanaTimeZone(zone) ? zone : ctx.org.defaultTimeZone));
  const slots = new Memo<string, Date>((zone) => askAt(survey, round.localDate, zone));
  const labels = new Memo<string, string>((zone) => formatLocalLabel(round.closesAt, zone));
  const questionCount = survey.questions.length;
  const due: NewDelivery[] = [];
  for (const person of audience) {
    const zone = zones.get(person.timeZone);
    if (slots.get(zone).getTime() > now.getTime() || isAwayAt(person.awayUntil, zone, now)) continue;
    const target = { kind: "person" as const, personId: person.id };
    const base = { target, notBefore: now, expiresAt: round.closesAt, respectQuietHours: true };
    const ask = claimed.get(pulseAskKey(round.id, person.id));
    if (!ask) {
      // Someone who answered without being asked yet (they joined the audience mid-round) needs no question.
      if (answered.has(person.id)) continue;
      due.push({
        ...base,
        key: pulseAskKey(round.id, person.id),
        kind: PULSE_ASK_KIND,
        message: {
          type: "pulse.ask",
          roundId: round.id,
          title: survey.title,
          closesLabel: labels.get(zone),
          questionCount,
        },
      });
      continue;
    }
    if (ask.status !== "sent" || !ask.sentAt || claimed.has(pulseReminderKey(round.id, person.id))) continue;
    if (now.getTime() < reminderAt(ask.sentAt, round.closesAt).getTime()) continue;
    due.push({
      ...base,
      key: pulseReminderKey(round.id, person.id),
      kind: PULSE_REMINDER_KIND,
      message: { type: "pulse.reminder", roundId: round.id, title: survey.title, closesLabel: labels.get(zone) },
    });
  }
  return due;
}
