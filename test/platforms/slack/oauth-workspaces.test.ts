// Several workspaces and a Grid org installed through Slack OAuth (Bolt's installer against the fake's
// oauth.v2.access): each workspace's traffic and deliveries use that workspace's own token, never another's.
import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect } from "vitest";
import { enqueueDeliveries } from "../../../src/domain/notifications/outbox.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { startFakeSlack, type FakeSlack } from "../../support/fake-slack.ts";
import {
  createFakeWorkspaces,
  type FakeInstallTarget,
  type FakeWorkspaces,
} from "../../support/fake-slack-workspaces.ts";
import { databaseTest as it } from "../../support/service-fixture.ts";
import type { TestDatabase } from "../../support/database.ts";
import { startTestService, type TestService } from "../../support/service.ts";
import { SLACK_SIGNING_SECRET, SlackDriver } from "../../support/slack.ts";

const clock = new ManualClock("2026-11-24T10:00:00Z");
// The file's database is created inside its first test: leave room for that on a busy machine.
const SLOW = { timeout: 180_000 };
const ENCRYPTION_KEY = randomBytes(32).toString("base64");

interface World {
  fake: FakeSlack;
  workspaces: FakeWorkspaces;
  service: TestService;
  driver: SlackDriver;
}

async function startWorld(db: TestDatabase): Promise<World> {
  const workspaces = createFakeWorkspaces({ orgs: { E0GRID: ["TGRID1", "TGRID2"] } });
  const fake = await startFakeSlack({ teamId: "TALPHA", workspaces });
  fake.addUser({ id: "UALICE", name: "Alice Alpha", email: "alice@example.com", teamId: "TALPHA" });
  fake.addUser({ id: "UAMIR", name: "Amir Alpha", email: "amir@example.com", teamId: "TALPHA" });
  fake.addUser({ id: "UBOB", name: "Bob Beta", email: "bob@example.com", teamId: "TBETA" });
  fake.addUser({ id: "UBEA", name: "Bea Beta", email: "bea@example.com", teamId: "TBETA" });
  // Alice is in Beta too (same email): one person with two Slack accounts.
  fake.addUser({ id: "UALICEB", name: "Alice Alpha", email: "alice@example.com", teamId: "TBETA" });
  fake.addUser({ id: "UGINA", name: "Gina Grid", email: "gina@example.com", teamId: "TGRID1" });
  fake.addUser({ id: "UGUS", name: "Gus Grid", email: "gus@example.com", teamId: "TGRID2" });
  const service = await startTestService({
    db,
    clock,
    slack: { authorizationUrl: `${fake.url}/oauth/v2/authorize` },
    env: {
      SLACK_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      SLACK_CLIENT_ID: workspaces.clientId,
      SLACK_CLIENT_SECRET: workspaces.clientSecret,
      SLACK_STATE_SECRET: "state-secret-for-tests-0123456789",
      SLACK_TOKEN_ENCRYPTION_KEY: ENCRYPTION_KEY,
    },
  });
  return { fake, workspaces, service, driver: new SlackDriver(service.url, fake) };
}

/** Runs a test against a fresh world (fake workspaces and the service), stopped afterwards whatever happens. */
async function inWorld(db: TestDatabase, work: (world: World) => Promise<void>): Promise<void> {
  const world = await startWorld(db);
  try {
    await work(world);
  } finally {
    await world.service.stop();
    await world.fake.stop();
  }
}

/** GET /slack/install → Slack's consent page (with our state) → back to /slack/oauth_redirect with a code. */
async function startInstall(world: World): Promise<{ state: string; cookie: string }> {
  const install = await fetch(`${world.service.url}/slack/install`, { redirect: "manual" });
  expect(install.status).toBe(302);
  const consent = new URL(install.headers.get("location")!);
  expect(consent.origin + consent.pathname).toBe(`${world.fake.url}/oauth/v2/authorize`);
  expect(consent.searchParams.get("client_id")).toBe(world.workspaces.clientId);
  return {
    state: consent.searchParams.get("state")!,
    cookie: (install.headers.get("set-cookie") ?? "").split(";")[0],
  };
}

async function finishInstall(world: World, target: FakeInstallTarget, started: { state: string; cookie: string }) {
  const code = world.workspaces.codeFor(target);
  const url = `${world.service.url}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(started.state)}`;
  return fetch(url, { headers: { cookie: started.cookie }, redirect: "manual" });
}

async function install(world: World, target: FakeInstallTarget): Promise<void> {
  const answer = await finishInstall(world, target, await startInstall(world));
  expect(answer.status).toBe(200);
}

function kudos(
  world: World,
  teamId: string,
  from: string,
  to: string,
  options: { enterpriseId?: string; channel?: string } = {},
) {
  const form = new URLSearchParams({
    team_id: teamId,
    ...(options.enterpriseId ? { enterprise_id: options.enterpriseId } : {}),
    team_domain: teamId.toLowerCase(),
    channel_id: options.channel ?? "DMCHAT",
    channel_name: options.channel ? "team" : "directmessage",
    user_id: from,
    user_name: from.toLowerCase(),
    command: "/kudos",
    text: `<@${to}|${to.toLowerCase()}> thanks for the help`,
    api_app_id: "AMOMENTUM",
    response_url: world.fake.newResponseUrl(),
    trigger_id: `${randomUUID()}`,
  });
  return world.driver.send(form.toString());
}

/** Every successful call made with an issued token addressed a user of that token's own workspace. */
function expectNoCrossedTokens(world: World): void {
  expect(world.workspaces.crossings).toEqual([]);
  for (const call of world.fake.calls()) {
    const user = String(call.args.users ?? call.args.user ?? call.args.channel ?? "");
    const owner = world.workspaces.tokenOwner(call.token);
    if (!/^U/.test(user) || !owner) continue;
    expect(world.workspaces.sees(call.token, userTeam(user)), `${call.method} to ${user}`).toBe(true);
  }
}

const TEAMS: Record<string, string> = {
  UALICE: "TALPHA",
  UAMIR: "TALPHA",
  UBOB: "TBETA",
  UBEA: "TBETA",
  UALICEB: "TBETA",
  UGINA: "TGRID1",
  UGUS: "TGRID2",
};
const userTeam = (userId: string) => TEAMS[userId] ?? "unknown";

async function checkInPrompts(db: TestDatabase, world: World, emails: string[], period: string) {
  const people = await db.prisma.person.findMany({ where: { email: { in: emails } } });
  await enqueueDeliveries(
    db.prisma as never,
    people.map((person) => ({
      key: `test-prompt:${person.id}:${period}`,
      kind: "checkin.prompt",
      target: { kind: "person", personId: person.id },
      message: { type: "checkin.prompt", periodKey: period, deadlineLabel: "Friday" },
    })),
    clock.now(),
  );
  await world.service.settle();
  return db.prisma.delivery.findMany({ where: { key: { startsWith: "test-prompt:" } }, include: { person: true } });
}

describe("Slack OAuth installs in several workspaces", () => {
  it(
    "when two workspaces install Momentum, each one's kudos and scheduled prompts use only its own token",
    SLOW,
    async ({ db }) => {
      await inWorld(db, async (world) => {
        await install(world, { teamId: "TALPHA" });
        await install(world, { teamId: "TBETA" });
        expect(await db.prisma.slackInstallation.count()).toBe(2);

        // The token is stored encrypted: neither workspace's token appears anywhere in the table.
        const stored = JSON.stringify(await db.prisma.slackInstallation.findMany());
        for (const token of world.workspaces.issuedTokens()) expect(stored).not.toContain(token);

        expect((await kudos(world, "TALPHA", "UAMIR", "UALICE")).status).toBe(200);
        expect((await kudos(world, "TBETA", "UBEA", "UBOB")).status).toBe(200);
        await world.service.settle();
        expect(await db.prisma.kudos.count()).toBe(2);
        // Each DM went out with the token of the recipient's own workspace.
        const dmTokens = new Map(world.fake.sent("chat.postMessage").map((call) => [call.args.channel, call.token]));
        expect(world.workspaces.tokenOwner(dmTokens.get("DMALICE") ?? null)).toEqual({ teamId: "TALPHA" });
        expect(world.workspaces.tokenOwner(dmTokens.get("DMBOB") ?? null)).toEqual({ teamId: "TBETA" });
        const dms = world.fake.sent("chat.postMessage").map((call) => call.args.channel);
        expect(dms).toEqual(expect.arrayContaining(["DMALICE", "DMBOB"]));

        // A kudos given in a Beta channel is posted there with Beta's token.
        expect((await kudos(world, "TBETA", "UBOB", "UBEA", { channel: "CBETATEAM" })).status).toBe(200);
        await world.service.settle();
        const channelPost = world.fake.sent("chat.postMessage").find((call) => call.args.channel === "CBETATEAM");
        expect(world.workspaces.tokenOwner(channelPost?.token ?? null)).toEqual({ teamId: "TBETA" });

        // Alice's account in Beta (same email) is the same person as in Alpha.
        expect((await kudos(world, "TBETA", "UALICEB", "UBEA")).status).toBe(200);
        await world.service.settle();
        const alice = await db.prisma.person.findUniqueOrThrow({
          where: { email: "alice@example.com" },
          include: { slackIdentities: true },
        });
        expect(alice.slackIdentities.map((identity) => identity.teamId).sort()).toEqual(["TALPHA", "TBETA"]);

        const deliveries = await checkInPrompts(db, world, ["amir@example.com", "bea@example.com"], "2026-11-27");
        expect(deliveries.map((row) => [row.person?.email, row.status]).sort()).toEqual([
          ["amir@example.com", "sent"],
          ["bea@example.com", "sent"],
        ]);
        expectNoCrossedTokens(world);
        // Logs never carry a workspace's token.
        for (const token of world.workspaces.issuedTokens()) expect(world.service.logs.join("\n")).not.toContain(token);
      });
    },
  );

  it(
    "when an install comes back with a forged or an already used state, it is refused and nothing is stored",
    SLOW,
    async ({ db }) => {
      await inWorld(db, async (world) => {
        const started = await startInstall(world);
        const forged = await finishInstall(world, { teamId: "TALPHA" }, { ...started, state: `${started.state}x` });
        expect(forged.status).not.toBe(200);
        expect(await db.prisma.slackInstallation.count()).toBe(0);

        expect((await finishInstall(world, { teamId: "TALPHA" }, started)).status).toBe(200);
        const replayed = await finishInstall(world, { teamId: "TBETA" }, started);
        expect(replayed.status).not.toBe(200);
        expect((await db.prisma.slackInstallation.findMany()).map((row) => row.teamId)).toEqual(["TALPHA"]);
      });
    },
  );

  it(
    "when Alpha uninstalls the app, Alpha's deliveries show as unreachable while Beta's still go out",
    SLOW,
    async ({ db }) => {
      await inWorld(db, async (world) => {
        await install(world, { teamId: "TALPHA" });
        await install(world, { teamId: "TBETA" });
        await kudos(world, "TALPHA", "UAMIR", "UALICE");
        await kudos(world, "TBETA", "UBEA", "UBOB");
        await world.service.settle();

        const uninstalled = await world.driver.send(
          JSON.stringify({
            team_id: "TALPHA",
            api_app_id: "AMOMENTUM",
            type: "event_callback",
            event_id: "EvUNINSTALL1",
            event_time: 1790000000,
            event: { type: "app_uninstalled", event_ts: "1790000000.000001" },
            authorizations: [{ team_id: "TALPHA", user_id: "UBOTTALPHA", is_bot: true, is_enterprise_install: false }],
          }),
          { contentType: "application/json" },
        );
        expect(uninstalled.status).toBe(200);
        world.workspaces.revoke({ teamId: "TALPHA" });
        await world.service.settle();
        expect((await db.prisma.slackInstallation.findMany()).map((row) => row.teamId)).toEqual(["TBETA"]);

        const before = world.fake.calls().length;
        const deliveries = await checkInPrompts(db, world, ["amir@example.com", "bea@example.com"], "2026-12-04");
        const byEmail = new Map(deliveries.map((row) => [row.person?.email, row]));
        expect(byEmail.get("bea@example.com")?.status).toBe("sent");
        expect(byEmail.get("amir@example.com")?.status).toBe("failed");
        expect(byEmail.get("amir@example.com")?.lastError).toMatch(/not installed/);
        // Nothing was tried with Alpha's dead token.
        expect(
          world.fake
            .calls()
            .slice(before)
            .every((call) => world.workspaces.tokenOwner(call.token)?.teamId !== "TALPHA"),
        ).toBe(true);
        const amir = await db.prisma.person.findUniqueOrThrow({ where: { email: "amir@example.com" } });
        const reach = await db.prisma.reachability.findUnique({
          where: { personId_platform: { personId: amir.id, platform: "slack" } },
        });
        expect(reach).toMatchObject({ reachable: false, reason: "slack_not_installed" });

        // Traffic still arriving from Alpha is logged (no token in the log) and answered with nothing.
        await kudos(world, "TALPHA", "UAMIR", "UALICE");
        expect(world.service.logs.some((line) => line.includes("no installation for") && line.includes("TALPHA"))).toBe(
          true,
        );
        expect(await db.prisma.kudos.count()).toBe(2);
      });
    },
  );

  it(
    "when Beta revokes the bot's token, Beta's installation is removed; a revoked user token alone changes nothing",
    SLOW,
    async ({ db }) => {
      await inWorld(db, async (world) => {
        const revoked = (tokens: Record<string, string[]>, eventId: string) =>
          world.driver.send(
            JSON.stringify({
              team_id: "TBETA",
              api_app_id: "AMOMENTUM",
              type: "event_callback",
              event_id: eventId,
              event_time: 1790000000,
              event: { type: "tokens_revoked", tokens, event_ts: "1790000000.000002" },
              authorizations: [{ team_id: "TBETA", user_id: "UBOTTBETA", is_bot: true, is_enterprise_install: false }],
            }),
            { contentType: "application/json" },
          );
        await install(world, { teamId: "TALPHA" });
        await install(world, { teamId: "TBETA" });
        expect((await revoked({ oauth: ["UBEA"] }, "EvREVOKE1")).status).toBe(200);
        await world.service.settle();
        expect(await db.prisma.slackInstallation.count()).toBe(2);

        expect((await revoked({ bot: ["UBOTTBETA"] }, "EvREVOKE2")).status).toBe(200);
        await world.service.settle();
        expect((await db.prisma.slackInstallation.findMany()).map((row) => row.teamId)).toEqual(["TALPHA"]);
      });
    },
  );

  it(
    "when a Grid org installs Momentum org-wide, one installation serves two workspaces of the org",
    SLOW,
    async ({ db }) => {
      await inWorld(db, async (world) => {
        await install(world, { enterpriseId: "E0GRID" });
        const rows = await db.prisma.slackInstallation.findMany();
        expect(rows.map((row) => [row.enterpriseId, row.isEnterpriseInstall, row.teamId])).toEqual([
          ["E0GRID", true, null],
        ]);

        expect((await kudos(world, "TGRID1", "UGINA", "UGUS", { enterpriseId: "E0GRID" })).status).toBe(200);
        expect((await kudos(world, "TGRID2", "UGUS", "UGINA", { enterpriseId: "E0GRID" })).status).toBe(200);
        await world.service.settle();
        expect(await db.prisma.kudos.count()).toBe(2);

        const deliveries = await checkInPrompts(db, world, ["gina@example.com", "gus@example.com"], "2026-11-27");
        expect(deliveries.map((row) => row.status)).toEqual(["sent", "sent"]);
        expectNoCrossedTokens(world);
      });
    },
  );
});
