// Subject-access export (GDPR art. 15): everything Momentum stores about one person, as plain data for HR or the
// data-protection officer to hand over. What is in it, and why:
//  - Their own records in full: profile, chat identities (ids only: Momentum stores no per-person tokens, and the
//    Teams conversation reference is left out as routing data), kudos given and received, check-ins, goals and their
//    updates, feedback given and received, feedback requests and asks, 1:1 slots, audit events naming them.
//  - 1:1 notes a manager wrote ABOUT them: included. Opinions about a person are that person's personal data, and
//    art. 15 gives access to them; the export goes to HR/DPO first, who can apply an exemption (e.g. management
//    planning) before handing it over. Notes they wrote as a manager about others are other people's data: counted,
//    not shown.
//  - Reviews: their self reviews in full; a manager review ABOUT them with its answers only once released to them
//    (before that it is a draft opinion still being formed, the management-planning case); an unreleased one is
//    listed with its cycle and status so its existence is not hidden. Reviews they wrote about others: cycle, kind
//    and status only.
//  - Deliveries addressed to them: kind, status and dates, never the bodies (they can quote other people's words).
import type { DomainContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { PrivacySubjectInput, type PrivacySubjectOptions } from "./privacy.schemas.ts";
import { findSubject } from "./subject.ts";

export const PERSON_EXPORT_FORMAT = "momentum.person-export/1";

export type PersonExport = Awaited<ReturnType<typeof collect>> & { format: string; exportedAt: string };

const nameOf = (person: { name: string } | null | undefined) => person?.name ?? null;

export async function exportPersonData(
  ctx: Pick<DomainContext, "prisma" | "clock">,
  options: PrivacySubjectOptions,
): Promise<PersonExport> {
  const input = parseInput(PrivacySubjectInput, options);
  const person = await findSubject(ctx.prisma, input.email);
  const data = await collect(ctx, person.id);
  await ctx.prisma.auditEvent.create({
    data: { createdAt: ctx.clock.now(), actor: input.actor, action: "privacy.export", subject: `person:${person.id}` },
  });
  return { format: PERSON_EXPORT_FORMAT, exportedAt: ctx.clock.now().toISOString(), ...data };
}

async function collect(ctx: Pick<DomainContext, "prisma">, id: string) {
  const { prisma } = ctx;
  // One snapshot: every read sees the same state even while the service keeps writing.
  const [profile, kudos, checkIns, goals, feedback, oneOnOnes, reviews, deliveries, announcements, pulses] =
    await prisma.$transaction(async (tx) => {
      const profile = await tx.person.findUniqueOrThrow({
        where: { id },
        select: {
          id: true,
          email: true,
          name: true,
          timeZone: true,
          timeZoneExplicit: true,
          role: true,
          active: true,
          preferredPlatform: true,
          awayUntil: true,
          checkInWeekday: true,
          checkInTime: true,
          workdayStart: true,
          workdayEnd: true,
          teamCheckInWeekday: true,
          teamCheckInTime: true,
          holidayCalendar: true,
          teamHolidayCalendar: true,
          createdAt: true,
          updatedAt: true,
          manager: { select: { name: true, email: true } },
          reports: { select: { name: true, email: true }, orderBy: { email: "asc" } },
          slackIdentities: { select: { teamId: true, userId: true, dmChannel: true, createdAt: true } },
          teamsIdentities: {
            select: { tenantId: true, aadObjectId: true, teamsUserId: true, createdAt: true, updatedAt: true },
          },
        },
      });
      const kudosSelect = { message: true, value: true, visibility: true, platform: true, createdAt: true } as const;
      const kudos = {
        given: await tx.kudos.findMany({
          where: { giverId: id },
          select: { ...kudosSelect, recipient: { select: { name: true } } },
          orderBy: { createdAt: "asc" },
        }),
        received: await tx.kudos.findMany({
          where: { recipientId: id },
          select: { ...kudosSelect, giver: { select: { name: true } } },
          orderBy: { createdAt: "asc" },
        }),
      };
      const checkIns = await tx.checkIn.findMany({
        where: { personId: id },
        select: {
          periodKey: true,
          mood: true,
          progress: true,
          plans: true,
          blockers: true,
          forManager: true,
          redactedAt: true,
          submittedAt: true,
          updatedAt: true,
        },
        orderBy: { periodKey: "asc" },
      });
      const goals = {
        owned: await tx.goal.findMany({
          where: { ownerId: id },
          select: {
            level: true,
            title: true,
            measure: true,
            startValue: true,
            targetValue: true,
            currentValue: true,
            dueDate: true,
            status: true,
            createdAt: true,
            updates: {
              select: { value: true, status: true, comment: true, createdAt: true },
              orderBy: { createdAt: "asc" },
            },
          },
          orderBy: { createdAt: "asc" },
        }),
        updatesOnOthersGoals: await tx.goalUpdate.findMany({
          where: { authorId: id, goal: { ownerId: { not: id } } },
          select: { value: true, status: true, comment: true, createdAt: true, goal: { select: { title: true } } },
        }),
      };
      const feedback = {
        received: await tx.feedback.findMany({
          where: { recipientId: id },
          select: { text: true, audience: true, createdAt: true, giver: { select: { name: true } } },
        }),
        given: await tx.feedback.findMany({
          where: { giverId: id },
          select: { text: true, audience: true, createdAt: true, recipient: { select: { name: true } } },
        }),
        requestsMade: await tx.feedbackRequest.findMany({
          where: { requesterId: id },
          select: { subjectId: true, topic: true, audience: true, createdAt: true, asks: { select: { status: true } } },
        }),
        requestsAboutThem: await tx.feedbackRequest.findMany({
          where: { subjectId: id },
          select: { topic: true, audience: true, createdAt: true },
        }),
        asksToThem: await tx.feedbackAsk.findMany({
          where: { askedId: id },
          select: { status: true, createdAt: true, request: { select: { topic: true } } },
        }),
      };
      const oneOnOnes = {
        slots: await tx.oneOnOne.findMany({
          where: { OR: [{ managerId: id }, { reportId: id }] },
          select: { managerId: true, reportId: true, weekday: true, time: true },
        }),
        notesAboutThem: await tx.oneOnOneNote.findMany({
          where: { reportId: id },
          select: { text: true, createdAt: true, closedAt: true },
          orderBy: { createdAt: "asc" },
        }),
        notesTheyWroteAboutOthers: await tx.oneOnOneNote.count({ where: { managerId: id } }),
        done: await tx.oneOnOneDone.findMany({
          where: { OR: [{ managerId: id }, { reportId: id }] },
          select: { periodKey: true, doneAt: true },
        }),
      };
      const reviewSelect = {
        kind: true,
        status: true,
        answers: true,
        submittedAt: true,
        releasedAt: true,
        cycle: { select: { name: true } },
      } as const;
      const reviews = {
        aboutThem: await tx.review.findMany({ where: { subjectId: id }, select: reviewSelect }),
        writtenAboutOthers: await tx.review.findMany({
          where: { authorId: id, subjectId: { not: id } },
          select: { kind: true, status: true, submittedAt: true, cycle: { select: { name: true } } },
        }),
      };
      const deliveries = await tx.delivery.findMany({
        where: { personId: id },
        select: { kind: true, status: true, attempts: true, createdAt: true, sentAt: true },
        orderBy: { createdAt: "asc" },
      });
      const announcements = await tx.announcementAck.findMany({
        where: { personId: id },
        select: { createdAt: true, announcement: { select: { createdAt: true } } },
      });
      const answered = await tx.pulseParticipation.findMany({ where: { personId: id }, select: { roundId: true } });
      const pulses = await tx.pulseRound.findMany({
        where: { id: { in: answered.map((row) => row.roundId) } },
        select: { number: true, localDate: true, survey: { select: { title: true } } },
        orderBy: { localDate: "asc" },
      });
      return [
        profile,
        kudos,
        checkIns,
        goals,
        feedback,
        oneOnOnes,
        reviews,
        deliveries,
        announcements,
        pulses,
      ] as const;
    });
  const names = await namesById(prisma, [
    ...oneOnOnes.slots.flatMap((slot) => [slot.managerId, slot.reportId]),
    ...feedback.requestsMade.map((request) => request.subjectId),
  ]);
  const auditEvents = await prisma.auditEvent.findMany({
    where: { OR: [{ subject: profile.email }, { actor: profile.email }, { subject: `person:${id}` }] },
    select: { actor: true, action: true, subject: true, detail: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  const { slackIdentities, teamsIdentities, manager, reports, ...personFields } = profile;
  return {
    person: { ...personFields, manager, reports },
    identities: { slack: slackIdentities, teams: teamsIdentities },
    kudos: {
      given: kudos.given.map(({ recipient, ...row }) => ({ ...row, to: recipient.name })),
      received: kudos.received.map(({ giver, ...row }) => ({ ...row, from: nameOf(giver) })),
    },
    checkIns,
    goals,
    feedback: {
      received: feedback.received.map(({ giver, ...row }) => ({ ...row, from: nameOf(giver) })),
      given: feedback.given.map(({ recipient, ...row }) => ({ ...row, to: recipient.name })),
      requestsMade: feedback.requestsMade.map(({ subjectId, asks, ...row }) => ({
        ...row,
        about: names.get(subjectId) ?? null,
        asked: asks.length,
        answered: asks.filter((ask) => ask.status === "answered").length,
      })),
      requestsAboutThem: feedback.requestsAboutThem,
      asksToThem: feedback.asksToThem.map(({ request, ...row }) => ({ ...row, topic: request.topic })),
    },
    oneOnOnes: {
      slots: oneOnOnes.slots.map((slot) => ({
        role: slot.reportId === id ? "report" : "manager",
        with: names.get(slot.reportId === id ? slot.managerId : slot.reportId) ?? null,
        weekday: slot.weekday,
        time: slot.time,
      })),
      notesAboutThem: oneOnOnes.notesAboutThem,
      notesTheyWroteAboutOthers: oneOnOnes.notesTheyWroteAboutOthers,
      done: oneOnOnes.done,
    },
    reviews: {
      aboutThem: reviews.aboutThem.map(({ cycle, answers, ...review }) => ({
        ...review,
        cycle: cycle.name,
        // A manager review is shared with its subject on release; until then only its existence is disclosed.
        answers: review.kind === "self" || review.releasedAt ? answers : null,
        withheldUntilReleased: review.kind === "manager" && !review.releasedAt,
      })),
      writtenAboutOthers: reviews.writtenAboutOthers.map(({ cycle, ...review }) => ({ ...review, cycle: cycle.name })),
    },
    deliveries,
    announcementsAcknowledged: announcements.map((ack) => ({
      announcedAt: ack.announcement.createdAt,
      acknowledgedAt: ack.createdAt,
    })),
    // Which pulse rounds they answered. Their answers are stored without them, so no one (this export included)
    // can tell which answers were theirs.
    pulseRoundsAnswered: pulses.map((round) => ({
      survey: round.survey.title,
      round: round.number,
      date: round.localDate,
    })),
    auditEvents,
  };
}

async function namesById(prisma: DomainContext["prisma"], ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const people = await prisma.person.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(people.map((person) => [person.id, person.name]));
}
