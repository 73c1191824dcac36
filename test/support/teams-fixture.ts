// One fixture for every Teams test file: the real service with the fake Bot Connector, started once per file and
// stopped after it, on a database emptied before each test (service-fixture.ts). A file picks its clock and
// settings with `test.override("teamsOptions", { clock, env })` and keeps its own people in its beforeEach:
//
//   test.override("teamsOptions", { clock });
//   test.beforeEach(async ({ db: testDb, teams: harness }) => {
//     [db, teams] = [testDb, harness]; // the file's test bodies read these
//     dana = teams.user("Dana Doer");
//     await teams.installApp(dana);
//   });
import type { Role } from "../../src/domain/people/person.ts";
import type { TestDatabase } from "./database.ts";
import { databaseTest } from "./service-fixture.ts";
import { startTeamsHarness, type TeamsHarness, type TeamsUser } from "./teams.ts";

export type TeamsOptions = Omit<Parameters<typeof startTeamsHarness>[0], "db">;

export const teamsTest = databaseTest
  .extend("teamsOptions", { scope: "file" }, {} as TeamsOptions)
  .extend("teams", { scope: "file" }, async ({ db, teamsOptions }, { onCleanup }): Promise<TeamsHarness> => {
    const teams = await startTeamsHarness({ db, ...teamsOptions });
    onCleanup(() => teams.stop());
    return teams;
  });

export const test = teamsTest;
export const it = teamsTest;

/** The person Momentum stored for a Teams user (after they installed the app). */
export async function personIdOf(db: TestDatabase, user: TeamsUser): Promise<string> {
  return (await db.prisma.teamsIdentity.findFirstOrThrow({ where: { aadObjectId: user.aadObjectId } })).personId;
}

/** Gives installed Teams users a role and, optionally, a manager, as HR's import would. */
export async function assignRole(db: TestDatabase, users: TeamsUser[], role: Role): Promise<void> {
  for (const user of users)
    await db.prisma.person.update({ where: { id: await personIdOf(db, user) }, data: { role } });
}

export async function assignManager(db: TestDatabase, reports: TeamsUser[], manager: TeamsUser): Promise<void> {
  const managerId = await personIdOf(db, manager);
  for (const user of reports)
    await db.prisma.person.update({ where: { id: await personIdOf(db, user) }, data: { managerId } });
}
