// With credentials set, botbuilder validates every request's JWT against the OpenID metadata and keys (here a
// local JWKS served by the fake connector). Anything wrong answers 401 and no handler runs.
import { describe, expect } from "vitest";
import { test } from "../../support/teams-fixture.ts";
import type { TestDatabase } from "../../support/database.ts";
import { OUTBOUND_TOKEN, TEST_APP_PASSWORD, type TeamsHarness } from "../../support/teams.ts";

let db: TestDatabase;
let teams: TeamsHarness;

test.override("teamsOptions", { credentials: true });
test.beforeEach(({ db: testDb, teams: harness }) => {
  [db, teams] = [testDb, harness];
});

describe("Teams request authentication with credentials set", () => {
  const rejected: [string, () => Promise<string | null>][] = [
    ["no token", async () => null],
    ["a token signed by another key", async () => `Bearer ${await teams.token({}, { foreignKey: true })}`],
    ["an expired token", async () => `Bearer ${await teams.token({}, { expiresInSeconds: -600 })}`],
    [
      "a token for another app (wrong audience)",
      async () => `Bearer ${await teams.token({ aud: "11111111-2222-4333-8444-555555555555" })}`,
    ],
    [
      "a token for another service URL",
      async () => `Bearer ${await teams.token({ serviceurl: "https://evil.example.com/" })}`,
    ],
    ["a token from another issuer", async () => `Bearer ${await teams.token({ iss: "https://sts.example.com" })}`],
    ["a token that is not a JWT", async () => "Bearer not-a-token"],
  ];

  test.each(rejected)(
    "when a request comes with %s, it is refused with 401 and nothing happens",
    async (_name, authorization) => {
      const user = teams.user("Mallory");
      const response = await teams.message(user, "help", { authorization: await authorization() });
      expect(response.status).toBe(401);
      expect(teams.repliesTo(response.id)).toHaveLength(0);
      expect(await db.prisma.processedEvent.count()).toBe(0);
      expect(await db.prisma.person.count()).toBe(0);
    },
  );

  test("when a request comes with a valid token, it is answered, and the bot's replies carry its own outbound token", async () => {
    const user = teams.user("Valerie");
    const response = await teams.message(user, "help");
    expect(response.status).toBe(200);
    const [reply] = teams.connector.posted.filter((entry) => entry.replyToId === response.id);
    expect(reply.activity.attachments[0].content.type).toBe("AdaptiveCard");
    expect(reply.authorization).toBe(`Bearer ${OUTBOUND_TOKEN}`);
  });

  test("logs never contain the app password", async () => {
    const user = teams.user("Logan");
    await teams.message(user, "help");
    await teams.message(user, "help", { authorization: null });
    expect(teams.service.logs.length).toBeGreaterThan(0);
    expect(teams.service.logs.join("\n")).not.toContain(TEST_APP_PASSWORD);
  });

  test("the start log tells where to point the Azure Bot's messaging endpoint", () => {
    const platform = teams.service.platforms.find((candidate) => candidate.name === "teams")!;
    expect(platform.describe("https://momentum.example.com")[0]).toContain("https://momentum.example.com/api/messages");
  });
});
