// Erasure (GDPR art. 17), in ONE transaction: either everything below happens or nothing does.
//
// The person row is anonymised rather than deleted: deleting it would cascade into records that belong to other
// people (a manager review they wrote about a report, a team goal others align to, an announcement). What is
// about them or written by them for themselves is deleted; what they wrote for others stays with its reader but
// loses their name:
//  - deleted: chat identities, check-ins, kudos and feedback they received, 1:1 slots/notes/done marks involving
//    them (notes about them, and their private notes as a manager, which no one else may read), feedback requests
//    about them and asks addressed to them, their personal goals, reviews about them, announcement acks, the
//    record of which pulse rounds they answered (the answers themselves carry no person and stay anonymous);
//  - kept for the recipient, giver removed: kudos and feedback they gave (giverId null), goal updates they wrote;
//  - deliveries addressed to them: pending ones cancelled, and every body replaced, so the delivery log keeps
//    kinds and dates only;
//  - their reports' managerId cleared; audit events naming their email now name `person:<id>`.
// The audit event of the erasure itself names the pseudonymous id and counts, never the email or the name.
import type { DomainContext, Tx } from "../context.ts";
import type { OutboundMessage } from "../notifications/messages.ts";
import { parseInput } from "../validation.ts";
import { PrivacySubjectInput, type PrivacySubjectOptions } from "./privacy.schemas.ts";
import { findSubject } from "./subject.ts";

export const ERASED_NAME = "Former colleague";
const ERASED_BODY: OutboundMessage = {
  type: "notice",
  title: "Removed",
  text: "This message was removed when its recipient's data was erased.",
};

export interface EraseResult {
  personId: string;
  counts: Record<string, number>;
}

export async function erasePerson(
  ctx: Pick<DomainContext, "prisma" | "clock">,
  options: PrivacySubjectOptions,
): Promise<EraseResult> {
  const input = parseInput(PrivacySubjectInput, options);
  const now = ctx.clock.now();
  return ctx.prisma.$transaction(
    async (tx) => {
      const person = await findSubject(tx, input.email);
      // Locked: a concurrent kudos or check-in for this person waits, then fails on the anonymised row.
      await tx.$queryRaw`SELECT id FROM "Person" WHERE id = ${person.id} FOR UPDATE`;
      const counts = await eraseRecords(tx, person.id, now);
      const pseudonym = `person:${person.id}`;
      counts.auditEventsPseudonymised =
        (await tx.auditEvent.updateMany({ where: { subject: person.email }, data: { subject: pseudonym } })).count +
        (await tx.auditEvent.updateMany({ where: { actor: person.email }, data: { actor: pseudonym } })).count;
      await tx.person.update({
        where: { id: person.id },
        data: {
          email: `erased-${person.id}@erased.invalid`,
          name: ERASED_NAME,
          active: false,
          role: "employee",
          managerId: null,
          preferredPlatform: null,
          awayUntil: null,
          timeZone: "UTC",
          timeZoneExplicit: false,
          checkInWeekday: null,
          checkInTime: null,
          workdayStart: null,
          workdayEnd: null,
          teamCheckInWeekday: null,
          teamCheckInTime: null,
          updatedAt: now,
        },
      });
      await tx.auditEvent.create({
        data: { createdAt: now, actor: input.actor, action: "privacy.erase", subject: pseudonym, detail: counts },
      });
      return { personId: person.id, counts };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

async function eraseRecords(tx: Tx, id: string, now: Date): Promise<Record<string, number>> {
  const count = async (work: Promise<{ count: number }>) => (await work).count;
  const counts: Record<string, number> = {};
  counts.slackIdentities = await count(tx.slackIdentity.deleteMany({ where: { personId: id } }));
  counts.teamsIdentities = await count(tx.teamsIdentity.deleteMany({ where: { personId: id } }));
  counts.checkIns = await count(tx.checkIn.deleteMany({ where: { personId: id } }));
  counts.kudosReceived = await count(tx.kudos.deleteMany({ where: { recipientId: id } }));
  counts.kudosGivenAnonymised = await count(tx.kudos.updateMany({ where: { giverId: id }, data: { giverId: null } }));
  counts.feedbackReceived = await count(tx.feedback.deleteMany({ where: { recipientId: id } }));
  counts.feedbackGivenAnonymised = await count(
    tx.feedback.updateMany({ where: { giverId: id }, data: { giverId: null } }),
  );
  counts.feedbackRequestsAboutThem = await count(tx.feedbackRequest.deleteMany({ where: { subjectId: id } }));
  counts.feedbackAsksToThem = await count(tx.feedbackAsk.deleteMany({ where: { askedId: id } }));
  counts.oneOnOneNotes = await count(
    tx.oneOnOneNote.deleteMany({ where: { OR: [{ reportId: id }, { managerId: id }] } }),
  );
  counts.oneOnOneSlots = await count(tx.oneOnOne.deleteMany({ where: { OR: [{ reportId: id }, { managerId: id }] } }));
  counts.oneOnOneDone = await count(
    tx.oneOnOneDone.deleteMany({ where: { OR: [{ reportId: id }, { managerId: id }] } }),
  );
  counts.personalGoals = await count(tx.goal.deleteMany({ where: { ownerId: id, level: "person" } }));
  counts.goalUpdatesAnonymised = await count(
    tx.goalUpdate.updateMany({ where: { authorId: id }, data: { authorId: null } }),
  );
  counts.reviewsAboutThem = await count(tx.review.deleteMany({ where: { subjectId: id } }));
  counts.announcementAcks = await count(tx.announcementAck.deleteMany({ where: { personId: id } }));
  // Pulse answers hold no person and stay in the aggregates; only the record that they answered goes.
  counts.pulseParticipations = await count(tx.pulseParticipation.deleteMany({ where: { personId: id } }));
  counts.reportsUnlinked = await count(
    tx.person.updateMany({ where: { managerId: id }, data: { managerId: null, updatedAt: now } }),
  );
  counts.deliveriesCancelled = await count(
    tx.delivery.updateMany({
      where: { personId: id, status: { in: ["pending", "sending"] } },
      data: {
        status: "cancelled",
        lastError: "recipient's data was erased",
        leaseOwner: null,
        leaseUntil: null,
        updatedAt: now,
      },
    }),
  );
  counts.deliveryBodiesRemoved = await count(
    tx.delivery.updateMany({ where: { personId: id }, data: { message: ERASED_BODY, updatedAt: now } }),
  );
  return counts;
}
