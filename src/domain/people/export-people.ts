// The HR view of everyone: exactly what the import takes, so an export can be edited and imported back.
// Deliberately nothing else: no chat identities, check-ins, feedback or kudos.
import type { DomainContext } from "../context.ts";
import type { Role } from "./person.ts";

export interface ExportedPerson {
  email: string;
  name: string;
  /** Null for people without a manager. */
  managerEmail: string | null;
  role: Role;
  timeZone: string;
  /** The person's own holiday calendar ("DE-BE"), written as the country and region columns. */
  holidayCalendar: string | null;
}

/** Everyone, deactivated people included (so managers they still are to someone round-trip), sorted by email. */
export async function exportPeople(ctx: Pick<DomainContext, "prisma">): Promise<ExportedPerson[]> {
  const people = await ctx.prisma.person.findMany({
    select: {
      email: true,
      name: true,
      role: true,
      timeZone: true,
      holidayCalendar: true,
      manager: { select: { email: true } },
    },
    orderBy: { email: "asc" },
  });
  return people.map((person) => ({
    email: person.email,
    name: person.name,
    managerEmail: person.manager?.email ?? null,
    role: person.role,
    timeZone: person.timeZone,
    holidayCalendar: person.holidayCalendar,
  }));
}
