// Who takes part in a piece of feedback and who may read it. Every rule about readers lives here, so the preview
// the giver sees, the DMs queued and the list each person reads can never disagree.
import type { Prisma } from "../../db/database.ts";
import { AppError, notFound, validationError } from "../../shared/errors.ts";
import type { Tx } from "../context.ts";
import type { FeedbackAudience } from "./feedback.schemas.ts";

export interface FeedbackPerson {
  id: string;
  name: string;
  active: boolean;
  role: "employee" | "manager" | "hr" | "admin";
  /** Their manager when that manager is an active person; an inactive manager reads nothing. */
  manager: { id: string; name: string } | null;
  /** Momentum can DM them (a Slack identity, or a Teams personal chat reference). */
  reachable: boolean;
}

const SELECT = {
  id: true,
  name: true,
  active: true,
  role: true,
  manager: { select: { id: true, name: true, active: true } },
  slackIdentities: { where: { deactivatedAt: null }, select: { id: true }, take: 1 },
  teamsIdentities: { select: { conversationReference: true } },
} as const;

type Db = Pick<Tx, "person">;

/** One query for everyone involved; unknown ids are simply absent from the map. */
export async function loadFeedbackPeople(db: Db, ids: string[]): Promise<Map<string, FeedbackPerson>> {
  const rows = await db.person.findMany({ where: { id: { in: [...new Set(ids)] } }, select: SELECT });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        name: row.name,
        active: row.active,
        role: row.role,
        manager: row.manager?.active ? { id: row.manager.id, name: row.manager.name } : null,
        reachable:
          row.slackIdentities.length > 0 || row.teamsIdentities.some((identity) => identity.conversationReference),
      },
    ]),
  );
}

/** The acting person must exist and be active. */
export function requireActiveActor(people: Map<string, FeedbackPerson>, id: string, what: string): FeedbackPerson {
  const person = people.get(id);
  if (!person || !person.active)
    throw new AppError("FORBIDDEN", `Your Momentum account is deactivated, so you can't ${what}.`);
  return person;
}

/** A person named in a request (recipient, subject, asked) must exist and be active. */
export function requireActivePerson(people: Map<string, FeedbackPerson>, id: string, role: string): FeedbackPerson {
  const person = people.get(id);
  if (!person) throw notFound("I couldn't find one of the people you mentioned.");
  if (!person.active) throw validationError(`${person.name} is no longer active in Momentum, so they can't ${role}.`);
  return person;
}

/**
 * The one other reader of feedback for `recipient` with this audience: their manager, or nobody. Sharing with a
 * manager who doesn't exist is refused rather than silently narrowed, so the giver is never surprised.
 */
export function sharedReaderFor(
  recipient: FeedbackPerson,
  audience: FeedbackAudience,
): { id: string; name: string } | null {
  if (audience === "recipient") return null;
  if (!recipient.manager) {
    throw validationError(
      `${recipient.name} has no manager in Momentum, so this can only go to ${recipient.name}. Choose "${recipient.name} only".`,
    );
  }
  return recipient.manager;
}

/** "Only Bob will see this." / "Bob and their manager Carol will see this." / "Bob has no manager …". */
export function whoWillSee(options: {
  recipientName: string;
  manager: { name: string; isViewer?: boolean } | null;
  audience: FeedbackAudience;
}): string {
  const { recipientName, manager, audience } = options;
  if (audience === "recipient") return `Only ${recipientName} will see this.`;
  if (!manager) return `${recipientName} has no manager in Momentum, so only ${recipientName} can see it.`;
  if (manager.isViewer) return `${recipientName} and you (their manager) will see this.`;
  return `${recipientName} and their manager ${manager.name} will see this.`;
}

/** The only rule for reading feedback text: the person it is for, or the one person it was shared with. */
export function feedbackReadableBy(personId: string): Prisma.FeedbackWhereInput {
  return { OR: [{ recipientId: personId }, { sharedWithId: personId }] };
}
