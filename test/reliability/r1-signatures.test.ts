// R1: every way a request can be forged or replayed is refused, for each kind of Slack request (slash command,
// interaction, event) and for Teams activities, and no handler runs: nothing stored, nothing sent at the fakes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../support/database.ts";
import { signSlackBody, startSlackHarness, type SendOptions, type SlackHarness } from "../support/slack.ts";
import { startTeamsHarness, type TeamsHarness } from "../support/teams.ts";
import { report } from "./support/figures.ts";

let db: TestDatabase;
let slack: SlackHarness;
let teams: TeamsHarness;

beforeAll(async () => {
  db = await createTestDatabase();
  slack = await startSlackHarness({ db });
  teams = await startTeamsHarness({ db, credentials: true });
});
afterAll(async () => {
  await slack?.stop();
  await teams?.stop();
  await db?.drop();
});
beforeEach(async () => {
  await resetDatabase(db);
  slack.fake.reset();
  slack.fake.addUser({ id: "UALICE", name: "Alice Adams", email: "alice@example.com" });
  slack.fake.addUser({ id: "UGRACE", name: "Grace Hopper", email: "grace@example.com" });
});

const now = () => Math.floor(Date.now() / 1000);

function slackBodies(): Record<string, { body: string; contentType: string }> {
  const responseUrl = slack.fake.newResponseUrl();
  const command = new URLSearchParams({
    team_id: slack.fake.teamId,
    channel_id: "CGENERAL",
    user_id: "UGRACE",
    user_name: "grace",
    command: "/kudos",
    text: "<@UALICE|alice> thanks",
    response_url: responseUrl,
    trigger_id: "1.2.3",
  }).toString();
  const click = {
    type: "block_actions",
    team: { id: slack.fake.teamId },
    user: { id: "UGRACE", team_id: slack.fake.teamId },
    trigger_id: "1.2.4",
    response_url: responseUrl,
    container: { type: "message", channel_id: "DMBOT", message_ts: "1.0" },
    channel: { id: "DMBOT" },
    actions: [{ type: "button", action_id: "checkin_start", block_id: "b", value: "2026-W48", action_ts: "1" }],
  };
  const interaction = new URLSearchParams({ payload: JSON.stringify(click) }).toString();
  const event = JSON.stringify({
    type: "event_callback",
    team_id: slack.fake.teamId,
    event_id: "EvR1",
    event: { type: "app_home_opened", user: "UGRACE", tab: "home" },
  });
  return {
    command: { body: command, contentType: "application/x-www-form-urlencoded" },
    interaction: { body: interaction, contentType: "application/x-www-form-urlencoded" },
    event: { body: event, contentType: "application/json" },
  };
}

const slackForgeries: [string, (body: string) => SendOptions & { rawBody?: string; expect: number[] }][] = [
  [
    "a signature made with another secret",
    () => ({ signature: signSlackBody("x", now(), "not-the-secret"), expect: [401] }),
  ],
  ["a malformed signature", () => ({ signature: "v0=deadbeef", expect: [401] })],
  ["no signature", () => ({ signature: null, expect: [401] })],
  ["no timestamp", () => ({ timestamp: null, expect: [401] })],
  ["a stale timestamp (6 minutes old)", () => ({ timestamp: now() - 360, expect: [401] })],
  ["a future timestamp (6 minutes ahead)", () => ({ timestamp: now() + 360, expect: [401] })],
  ["a future timestamp (1 day ahead)", () => ({ timestamp: now() + 86_400, expect: [401] })],
  ["a wrong content type (text/plain), correctly signed", () => ({ contentType: "text/plain", expect: [415] })],
  [
    "a body tampered with after signing",
    () => ({ tamper: (body) => body.replace(/UGRACE/g, "UALICE"), expect: [401] }),
  ],
  [
    "a payload smuggled into a signed ssl_check",
    (body) => ({
      rawBody: `ssl_check=1&${body.startsWith("{") ? `payload=${encodeURIComponent(body)}` : body}`,
      contentType: "application/x-www-form-urlencoded",
      expect: [400],
    }),
  ],
  [
    "a payload smuggled into an unsigned ssl_check",
    (body) => ({
      rawBody: `ssl_check=1&${body.startsWith("{") ? `payload=${encodeURIComponent(body)}` : body}`,
      contentType: "application/x-www-form-urlencoded",
      signature: null,
      expect: [400, 401],
    }),
  ],
];

async function nothingHappened(): Promise<void> {
  await slack.service.settle();
  await teams.service.settle();
  expect(slack.fake.calls()).toHaveLength(0);
  expect(slack.fake.responses).toHaveLength(0);
  expect(teams.connector.posted).toHaveLength(0);
  for (const count of await Promise.all([
    db.prisma.person.count(),
    db.prisma.kudos.count(),
    db.prisma.processedEvent.count(),
    db.prisma.checkIn.count(),
    db.prisma.delivery.count(),
  ])) {
    expect(count).toBe(0);
  }
}

describe("R1 forged and replayed requests", () => {
  it("when a Slack command, interaction or event arrives forged or replayed in any of eleven ways, it is refused and no handler runs", async () => {
    let refused = 0;
    const statuses = new Map<number, number>();
    for (const [kind, { body, contentType }] of Object.entries(slackBodies())) {
      for (const [situation, make] of slackForgeries) {
        const options = make(body);
        const sent = options.rawBody ?? body;
        const answer = await slack.slack.send(sent, { contentType: options.contentType ?? contentType, ...options });
        expect(options.expect, `${kind} with ${situation}`).toContain(answer.status);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        refused++;
      }
    }
    await nothingHappened();

    // The control: the same three requests, correctly signed, are answered.
    for (const { body, contentType } of Object.values(slackBodies()))
      expect((await slack.slack.send(body, { contentType })).status).toBe(200);
    await slack.service.settle();
    expect(slack.fake.calls().length).toBeGreaterThan(0);
    report("R1", {
      platform: "slack",
      requests: refused,
      refused,
      byStatus: [...statuses].map(([status, n]) => `${status}x${n}`).join(","),
      handlersRun: 0,
    });
  });

  it("when a Teams activity comes with a missing, foreign, expired, wrong-audience or wrong-serviceurl token, it is refused with 401 and no handler runs", async () => {
    const forgeries: [string, () => Promise<string | null>][] = [
      ["no token", async () => null],
      ["a bad signature", async () => `Bearer ${await teams.token({}, { foreignKey: true })}`],
      ["an expired token", async () => `Bearer ${await teams.token({}, { expiresInSeconds: -600 })}`],
      ["a wrong audience", async () => `Bearer ${await teams.token({ aud: "11111111-2222-4333-8444-555555555555" })}`],
      ["a wrong serviceurl", async () => `Bearer ${await teams.token({ serviceurl: "https://evil.example.com/" })}`],
      ["a wrong issuer", async () => `Bearer ${await teams.token({ iss: "https://sts.example.com" })}`],
      ["not a JWT", async () => "Bearer not-a-token"],
      ["another scheme", async () => `Basic ${Buffer.from("a:b").toString("base64")}`],
    ];
    const user = teams.user("Mallory");
    let refused = 0;
    for (const [situation, authorization] of forgeries) {
      for (const activity of [
        teams.activity(user, { type: "message", text: "kudos thanks" }),
        teams.activity(user, { type: "invoke", name: "task/fetch", value: { data: { action: "checkin.start" } } }),
      ]) {
        const answer = await teams.post(activity, await authorization());
        expect(answer.status, situation).toBe(401);
        refused++;
      }
    }
    await nothingHappened();
    expect((await teams.message(user, "help")).status).toBe(200);
    report("R1", { platform: "teams", requests: refused, refused, handlersRun: 0 });
  });
});
