// The directory over several installed workspaces: a sync reads every workspace with its own token (a Grid org's
// token lists each of its workspaces by team_id), and a one-person look-up asks each workspace in turn.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoltLogger } from "../../../src/platforms/slack/bolt-logger.ts";
import { createWorkspacesMemberSource } from "../../../src/platforms/slack/directory.ts";
import { createWebClient, slackClientOptions } from "../../../src/platforms/slack/web-client.ts";
import type { SlackWorkspaceClients } from "../../../src/platforms/slack/workspace-clients.ts";
import { createLogger } from "../../../src/shared/logger.ts";
import { startFakeSlack, type FakeSlack } from "../../support/fake-slack.ts";
import { createFakeWorkspaces, type FakeWorkspaces } from "../../support/fake-slack-workspaces.ts";

let fake: FakeSlack;
let workspaces: FakeWorkspaces;
let clients: SlackWorkspaceClients;

beforeAll(async () => {
  workspaces = createFakeWorkspaces({ orgs: { E0GRID: ["TGRID1", "TGRID2"] } });
  fake = await startFakeSlack({ teamId: "TALPHA", workspaces });
  fake.addUser({ id: "UALICE", name: "Alice Alpha", email: "alice@example.com", teamId: "TALPHA" });
  fake.addUser({ id: "UBOB", name: "Bob Beta", email: "bob@example.com", teamId: "TBETA" });
  fake.addUser({ id: "UGINA", name: "Gina Grid", email: "gina@example.com", teamId: "TGRID1" });
  fake.addUser({ id: "UGUS", name: "Gus Grid", email: "gus@example.com", teamId: "TGRID2" });
  const options = slackClientOptions({
    apiUrl: fake.apiUrl,
    logger: createBoltLogger(createLogger({ level: "silent", pretty: false }), []),
  });
  const tokenFor = async (target: { teamId?: string; enterpriseId?: string }) => {
    const granted = await createWebClient("", options).oauth.v2.access({
      client_id: workspaces.clientId,
      client_secret: workspaces.clientSecret,
      code: workspaces.codeFor(target),
    });
    return createWebClient(granted.access_token!, options);
  };
  const [alpha, beta, grid] = await Promise.all([
    tokenFor({ teamId: "TALPHA" }),
    tokenFor({ teamId: "TBETA" }),
    tokenFor({ enterpriseId: "E0GRID" }),
  ]);
  clients = {
    forTeam: async () => null,
    all: async () => [
      { label: "team:TALPHA", client: alpha },
      { label: "team:TBETA", client: beta },
      { label: "team:TGRID1", client: grid, teamId: "TGRID1" },
      { label: "team:TGRID2", client: grid, teamId: "TGRID2" },
    ],
  };
});
afterAll(async () => {
  await fake?.stop();
});

describe("the Slack directory with several workspaces installed", () => {
  it("a sync sees the members of every workspace, each read with that workspace's own token", async () => {
    const source = createWorkspacesMemberSource(clients, { sleep: async () => undefined });
    const members = [];
    for await (const page of source.pages()) members.push(...page);
    expect(members.map((member) => [member.userId, member.teamId]).sort()).toEqual([
      ["UALICE", "TALPHA"],
      ["UBOB", "TBETA"],
      ["UGINA", "TGRID1"],
      ["UGUS", "TGRID2"],
    ]);
    expect(workspaces.crossings).toEqual([]);
    const lists = fake.sent("users.list");
    expect(
      lists.filter((call) => workspaces.tokenOwner(call.token)?.enterpriseId).map((call) => call.args.team_id),
    ).toEqual(["TGRID1", "TGRID2"]);
  });

  it("a one-person look-up finds someone who is only in the second workspace", async () => {
    const source = createWorkspacesMemberSource(clients, { sleep: async () => undefined });
    expect(await source.lookupByEmail("bob@example.com")).toMatchObject({ userId: "UBOB", teamId: "TBETA" });
    expect(await source.lookupByEmail("nobody@example.com")).toBeNull();
  });
});
