// Small builders for test data, so tests read as the situation they describe.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import type { CliContext } from "../../src/cli/cli-context.ts";
import { importPeopleFile } from "../../src/cli/commands/people.ts";
import type { Database } from "../../src/db/database.ts";
import type { DirectoryConnector } from "../../src/domain/directory/directory-ports.ts";
import type { PlatformName } from "../../src/domain/notifications/notifier.ts";
import type { DomainContext, OrgSettings } from "../../src/domain/context.ts";
import type { Role } from "../../src/domain/people/person.ts";
import { ManualClock, type Clock } from "../../src/shared/clock.ts";

export const testOrg: OrgSettings = {
  defaultTimeZone: "UTC",
  kudosValues: ["teamwork", "ownership", "craft"],
  kudosDailyLimit: 5,
  checkInWeekday: 5,
  checkInTime: "15:00",
  checkInReminderTime: "10:00",
  workdayStart: "09:00",
  workdayEnd: "18:00",
  workDays: [1, 2, 3, 4, 5],
};

export function domainContext(
  db: Database,
  options: { clock?: Clock; org?: Partial<OrgSettings>; adminEmails?: string[] } = {},
): DomainContext & { clock: Clock } {
  return {
    prisma: db.prisma,
    clock: options.clock ?? new ManualClock("2026-11-25T12:00:00Z"),
    org: { ...testOrg, ...options.org },
    logger: pino({ level: "silent" }),
    adminEmails: options.adminEmails ?? [],
  };
}

/** When seeded rows say they were created: a fixed instant before every test clock, never the wall clock. */
export const SEEDED_AT = new Date("2026-01-01T00:00:00Z");

export interface PersonSeed {
  name?: string;
  email?: string;
  timeZone?: string;
  role?: Role;
  managerId?: string | null;
  active?: boolean;
  slackUserId?: string;
  teamsAadObjectId?: string;
  teamsConversationReference?: object;
}

export async function createPerson(db: Database, seed: PersonSeed = {}) {
  const name = seed.name ?? `Person ${randomUUID().slice(0, 6)}`;
  return db.prisma.person.create({
    data: {
      name,
      email: seed.email ?? `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}.${randomUUID().slice(0, 6)}@example.com`,
      timeZone: seed.timeZone ?? "UTC",
      role: seed.role ?? "employee",
      managerId: seed.managerId ?? null,
      active: seed.active ?? true,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
      slackIdentities: seed.slackUserId
        ? { create: { teamId: "T1", userId: seed.slackUserId, createdAt: SEEDED_AT } }
        : undefined,
      teamsIdentities: seed.teamsAadObjectId
        ? {
            create: {
              tenantId: "tenant-1",
              aadObjectId: seed.teamsAadObjectId,
              teamsUserId: `29:${seed.teamsAadObjectId}`,
              conversationReference: seed.teamsConversationReference,
              createdAt: SEEDED_AT,
              updatedAt: SEEDED_AT,
            },
          }
        : undefined,
    },
  });
}

/**
 * HR's first step in a real rollout: `npm run momentum -- people import people.csv` against the running service's
 * database and directories (so the import finds people on chat), with the CSV written to a scratch file.
 * Returns the command's exit code and what it printed.
 */
export async function importOrgFromCsv(
  service: { domain: DomainContext; directories: DirectoryConnector[] },
  csvLines: string[],
  platforms: PlatformName[],
): Promise<{ exitCode: number; stdout: string[]; stderr: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "momentum-import-"));
  try {
    const file = join(dir, "people.csv");
    writeFileSync(file, csvLines.join("\n"));
    const stdout: string[] = [];
    const stderr: string[] = [];
    const ctx: CliContext = {
      domain: service.domain,
      directories: service.directories,
      platforms,
      out: (line) => stdout.push(line),
      err: (line) => stderr.push(line),
    };
    return { exitCode: await importPeopleFile(ctx, file), stdout, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
