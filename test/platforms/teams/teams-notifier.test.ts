// Proactive sends through the real botbuilder connector client against the fake connector's injected faults:
// each failure becomes the DeliveryError the outbox needs to retry (or not), and success returns the activity id.
import { describe, expect } from "vitest";
import { test } from "../../support/teams-fixture.ts";
import { DeliveryError, type TeamsRecipient } from "../../../src/domain/notifications/notifier.ts";
import type { ChatNotifier } from "../../../src/domain/notifications/notifier.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { TeamsHarness, TeamsUser } from "../../support/teams.ts";

let db: TestDatabase;
let teams: TeamsHarness;
let notifier: ChatNotifier;
let dana: TeamsUser;
let recipient: TeamsRecipient;
const message = { type: "notice" as const, title: "Heads up", text: "Just checking the pipes." };

// A short connector timeout so the timeout case needs no long wait.
test.override("teamsOptions", { overrides: { connectorTimeoutMs: 300 } });
test.beforeEach(async ({ db: testDb, teams: harness }) => {
  [db, teams] = [testDb, harness];
  notifier = teams.service.platforms.find((platform) => platform.name === "teams")!.notifier;
  dana = teams.user("Dana");
  await teams.installApp(dana);
  const identity = await db.prisma.teamsIdentity.findFirstOrThrow({ where: { aadObjectId: dana.aadObjectId } });
  recipient = {
    platform: "teams",
    personId: identity.personId,
    tenantId: identity.tenantId,
    aadObjectId: dana.aadObjectId,
    teamsUserId: dana.id,
    conversationReference: identity.conversationReference,
  };
});

async function failureOf(work: Promise<unknown>): Promise<DeliveryError> {
  const error = await work.then(
    () => undefined,
    (caught) => caught,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe("Teams notifier", () => {
  test("when the connector accepts the message, the send returns its activity id", async () => {
    const result = await notifier.sendToPerson(recipient, message);
    expect(teams.connector.posted.find((entry) => entry.id === result.messageId)?.conversationId).toBe(
      teams.personalChat(dana).id,
    );
  });

  test("when Teams throttles with 429 and Retry-After, the send is retried after that delay (and the SDK does not retry on its own)", async () => {
    teams.connector.failNext({ status: 429, retryAfter: "7" }, { conversationId: teams.personalChat(dana).id });
    const failure = await failureOf(notifier.sendToPerson(recipient, message));
    expect(failure).toMatchObject({ retryable: true, retryAfterMs: 7000 });
    expect(teams.sentTo(teams.personalChat(dana)).filter((activity) => activity.summary === "Heads up")).toHaveLength(
      0,
    );
  });

  test.each([500, 502, 412])("when the connector answers %i, the send is retryable", async (status) => {
    teams.connector.failNext({ status }, { conversationId: teams.personalChat(dana).id });
    expect(await failureOf(notifier.sendToPerson(recipient, message))).toMatchObject({ retryable: true });
  });

  test("when the connector does not answer in time, the send is retryable", async () => {
    teams.connector.failNext({ hang: true }, { conversationId: teams.personalChat(dana).id });
    expect(await failureOf(notifier.sendToPerson(recipient, message))).toMatchObject({ retryable: true });
  });

  test.each([403, 404])(
    "when the connector answers %i, the failure is permanent: the app isn't installed for this person",
    async (status) => {
      teams.connector.failNext({ status }, { conversationId: teams.personalChat(dana).id });
      const failure = await failureOf(notifier.sendToPerson(recipient, message));
      expect(failure.retryable).toBe(false);
      expect(failure.message).toMatch(/isn't installed/);
    },
  );

  test("when a person has no conversation reference, or a channel was never added, the failure is permanent", async () => {
    expect(
      (await failureOf(notifier.sendToPerson({ ...recipient, conversationReference: null }, message))).retryable,
    ).toBe(false);
    expect((await failureOf(notifier.sendToChannel("19:unknown@thread.tacv2", message))).retryable).toBe(false);
  });

  test("when a delivery from the outbox hits a 429, it is rescheduled for after Retry-After and then sent once", async () => {
    const alice = teams.user("Alice");
    await teams.installApp(alice);
    teams.connector.failNext({ status: 429, retryAfter: "30" }, { conversationId: teams.personalChat(alice).id });
    await teams.message(dana, "kudos <at>Alice</at> thanks for the fix", { mentions: [alice] });
    await teams.service.settle();

    const delivery = await db.prisma.delivery.findFirstOrThrow({ where: { kind: "kudos.received" } });
    expect(delivery.status).toBe("pending");
    expect(delivery.notBefore.getTime() - delivery.updatedAt.getTime()).toBeGreaterThanOrEqual(29_000);
    expect(teams.sentTo(teams.personalChat(alice))).toHaveLength(1); // only the install welcome so far
  });
});
