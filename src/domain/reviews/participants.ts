// Who takes part in a cycle: everyone active, a manager's whole organisation (reports of reports too), or listed
// people. Resolved from one query of the org's reporting lines, so 10,000 people cost one round trip.
import { notFound, validationError } from "../../shared/errors.ts";
import type { DomainContext, Tx } from "../context.ts";
import type { Participants } from "./review.schemas.ts";

export interface Participant {
  id: string;
  name: string;
  managerId: string | null;
}

export async function resolveParticipants(
  ctx: DomainContext | { prisma: Tx },
  participants: Participants,
): Promise<Participant[]> {
  const people = await ctx.prisma.person.findMany({
    where: { active: true },
    select: { id: true, name: true, managerId: true },
    orderBy: { name: "asc" },
  });
  switch (participants.kind) {
    case "everyone":
      return people;
    case "people": {
      const wanted = new Set(participants.personIds);
      const found = people.filter((person) => wanted.has(person.id));
      if (found.length < wanted.size)
        throw validationError("Some of the people you picked aren't active in Momentum. Please pick them again.");
      return found;
    }
    case "organisation": {
      if (!people.some((person) => person.id === participants.managerId))
        throw notFound("That manager isn't active in Momentum.");
      const reportsOf = new Map<string, Participant[]>();
      for (const person of people) {
        if (!person.managerId) continue;
        reportsOf.set(person.managerId, [...(reportsOf.get(person.managerId) ?? []), person]);
      }
      // Breadth-first over the reporting lines; `seen` bounds it even if the data ever held a cycle.
      const seen = new Set<string>([participants.managerId]);
      const found: Participant[] = [];
      const queue = [participants.managerId];
      while (queue.length > 0) {
        for (const report of reportsOf.get(queue.shift()!) ?? []) {
          if (seen.has(report.id)) continue;
          seen.add(report.id);
          found.push(report);
          queue.push(report.id);
        }
      }
      if (found.length === 0) throw validationError("That manager has nobody reporting to them yet.");
      return found;
    }
  }
}
