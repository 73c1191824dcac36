import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cancelFeedbackDraft } from "../../../src/domain/feedback/cancel-feedback-draft.ts";
import { giveFeedback } from "../../../src/domain/feedback/give-feedback.ts";
import { listFeedbackForMe } from "../../../src/domain/feedback/list-feedback-for-me.ts";
import { previewFeedback } from "../../../src/domain/feedback/preview-feedback.ts";
import { DRAFT_TTL_MINUTES, saveFeedbackDraft } from "../../../src/domain/feedback/save-feedback-draft.ts";
import { sendFeedbackDraft } from "../../../src/domain/feedback/send-feedback-draft.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { capturedContext, feedbackOrg, queuedDms, refusal } from "./feedback-support.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(() => resetDatabase(db));

const SECRET = "Your demo rambled; start with the customer problem next time (zq-secret-7781)";

describe("previewing who will see feedback", () => {
  it("when the recipient has a manager, the preview names exactly the readers of each choice", async () => {
    const { erin, bob, carol } = await feedbackOrg(db);
    const { ctx } = capturedContext(db);
    const only = await previewFeedback(ctx, { giverId: erin.id, recipientId: bob.id, audience: "recipient" });
    expect(only.summary).toBe("Only Bob Brown will see this.");
    expect(only.readerNames).toEqual(["Bob Brown"]);
    const shared = await previewFeedback(ctx, {
      giverId: erin.id,
      recipientId: bob.id,
      audience: "recipient_and_manager",
    });
    expect(shared.summary).toBe("Bob Brown and their manager Carol Chief will see this.");
    expect(shared.readerNames).toEqual(["Bob Brown", "Carol Chief"]);
    expect(shared.manager).toEqual({ id: carol.id, name: "Carol Chief", isGiver: false });
  });

  it("when the recipient has no manager, the preview says so and names only the recipient", async () => {
    const { erin, loner } = await feedbackOrg(db);
    const preview = await previewFeedback(capturedContext(db).ctx, {
      giverId: erin.id,
      recipientId: loner.id,
      audience: "recipient_and_manager",
    });
    expect(preview.manager).toBeNull();
    expect(preview.summary).toBe("Lonnie Loner has no manager in Momentum, so only Lonnie Loner can see it.");
    expect(preview.readerNames).toEqual(["Lonnie Loner"]);
  });

  it("when the giver is the recipient's manager, the preview says 'you' rather than naming them", async () => {
    const { carol, bob } = await feedbackOrg(db);
    const preview = await previewFeedback(capturedContext(db).ctx, {
      giverId: carol.id,
      recipientId: bob.id,
      audience: "recipient_and_manager",
    });
    expect(preview.summary).toBe("Bob Brown and you (their manager) will see this.");
  });

  it("when someone previews feedback to themselves or to someone inactive, they are told why", async () => {
    const { erin, gone } = await feedbackOrg(db);
    const { ctx } = capturedContext(db);
    expect((await refusal(previewFeedback(ctx, { giverId: erin.id, recipientId: erin.id }))).userMessage).toMatch(
      /can't give feedback to yourself/,
    );
    expect((await refusal(previewFeedback(ctx, { giverId: erin.id, recipientId: gone.id }))).userMessage).toMatch(
      /no longer active/,
    );
  });
});

describe("giving feedback", () => {
  it("when given to the recipient only, one DM with the text goes to the recipient and nobody else, not even their manager", async () => {
    const { erin, bob } = await feedbackOrg(db);
    const result = await giveFeedback(capturedContext(db).ctx, {
      giverId: erin.id,
      recipientId: bob.id,
      text: SECRET,
      audience: "recipient",
      requestKey: "k1",
    });
    expect(result).toMatchObject({
      duplicate: false,
      recipientName: "Bob Brown",
      sharedWithName: null,
      audience: "recipient",
    });
    const dms = await queuedDms(db);
    expect(dms).toHaveLength(1);
    expect(dms[0]).toMatchObject({
      personId: bob.id,
      target: null,
      kind: "feedback.received",
      message: { reader: "recipient", text: SECRET, giverName: "Erin Else", sharedWithName: null },
    });
  });

  it("when shared with the manager, the recipient and their manager each get one DM, and a third person gets none", async () => {
    const { erin, bob, carol, dana, max } = await feedbackOrg(db);
    await giveFeedback(capturedContext(db).ctx, {
      giverId: erin.id,
      recipientId: bob.id,
      text: SECRET,
      audience: "recipient_and_manager",
      requestKey: "k1",
    });
    const dms = await queuedDms(db);
    expect(dms.map((dm) => dm.personId).sort()).toEqual([bob.id, carol.id].sort());
    expect(dms.find((dm) => dm.personId === carol.id)!.message).toMatchObject({
      reader: "shared",
      sharedReason: "manager",
      recipientName: "Bob Brown",
      text: SECRET,
    });
    for (const outsider of [dana, max, erin]) expect(dms.some((dm) => dm.personId === outsider.id)).toBe(false);
    expect(dms.every((dm) => dm.target === null)).toBe(true);
  });

  it("when a manager shares feedback to their own report, only the report gets a DM (the manager wrote it)", async () => {
    const { carol, bob } = await feedbackOrg(db);
    const result = await giveFeedback(capturedContext(db).ctx, {
      giverId: carol.id,
      recipientId: bob.id,
      text: SECRET,
      audience: "recipient_and_manager",
      requestKey: "k1",
    });
    expect(result.sharedWithName).toBe("Carol Chief");
    expect((await queuedDms(db)).map((dm) => dm.personId)).toEqual([bob.id]);
  });

  it("when the same request arrives twice (a double click), the feedback is stored once and the DMs are queued once", async () => {
    const { erin, bob } = await feedbackOrg(db);
    const { ctx } = capturedContext(db);
    const options = {
      giverId: erin.id,
      recipientId: bob.id,
      text: SECRET,
      audience: "recipient_and_manager" as const,
      requestKey: "k1",
    };
    const [first, second] = await Promise.all([giveFeedback(ctx, options), giveFeedback(ctx, options)]);
    const third = await giveFeedback(ctx, options);
    expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
    expect(third).toMatchObject({ duplicate: true, feedbackId: first.feedbackId, sharedWithName: "Carol Chief" });
    expect(await db.prisma.feedback.count()).toBe(1);
    expect(await db.prisma.delivery.count()).toBe(2);
  });

  const refusals: [
    string,
    (org: Awaited<ReturnType<typeof feedbackOrg>>) => Parameters<typeof giveFeedback>[1],
    RegExp,
  ][] = [
    [
      "to yourself",
      ({ erin }) => ({ giverId: erin.id, recipientId: erin.id, text: "x", audience: "recipient", requestKey: "k" }),
      /can't give feedback to yourself/,
    ],
    [
      "to an inactive person",
      ({ erin, gone }) => ({
        giverId: erin.id,
        recipientId: gone.id,
        text: "x",
        audience: "recipient",
        requestKey: "k",
      }),
      /no longer active/,
    ],
    [
      "from a deactivated giver",
      ({ gone, bob }) => ({ giverId: gone.id, recipientId: bob.id, text: "x", audience: "recipient", requestKey: "k" }),
      /deactivated/,
    ],
    [
      "shared with a manager who doesn't exist",
      ({ erin, loner }) => ({
        giverId: erin.id,
        recipientId: loner.id,
        text: "x",
        audience: "recipient_and_manager",
        requestKey: "k",
      }),
      /has no manager in Momentum/,
    ],
    [
      "with no text",
      ({ erin, bob }) => ({
        giverId: erin.id,
        recipientId: bob.id,
        text: "   ",
        audience: "recipient",
        requestKey: "k",
      }),
      /Write the feedback/,
    ],
    [
      "over 2000 characters",
      ({ erin, bob }) => ({
        giverId: erin.id,
        recipientId: bob.id,
        text: "x".repeat(2001),
        audience: "recipient",
        requestKey: "k",
      }),
      /at most 2000 characters/,
    ],
  ];
  for (const [situation, options, expected] of refusals) {
    it(`when feedback is given ${situation}, the giver is told why and nothing is stored or queued`, async () => {
      const org = await feedbackOrg(db);
      expect((await refusal(giveFeedback(capturedContext(db).ctx, options(org)))).userMessage).toMatch(expected);
      expect(await db.prisma.feedback.count()).toBe(0);
      expect(await db.prisma.delivery.count()).toBe(0);
    });
  }

  it("when feedback is given, the log never contains its text", async () => {
    const { erin, bob } = await feedbackOrg(db);
    const { ctx, lines } = capturedContext(db);
    await giveFeedback(ctx, {
      giverId: erin.id,
      recipientId: bob.id,
      text: SECRET,
      audience: "recipient_and_manager",
      requestKey: "k1",
    });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain("zq-secret-7781");
  });
});

describe("drafts behind the chat preview", () => {
  it("when the giver clicks both send buttons, the feedback is sent once with the first choice and the draft is gone", async () => {
    const { erin, bob, carol } = await feedbackOrg(db);
    const { ctx } = capturedContext(db);
    const draft = await saveFeedbackDraft(ctx, { giverId: erin.id, recipientId: bob.id, text: SECRET });
    expect(draft.preview.summaries).toEqual({
      recipient: "Only Bob Brown will see this.",
      recipient_and_manager: "Bob Brown and their manager Carol Chief will see this.",
    });
    const sent = await sendFeedbackDraft(ctx, { draftId: draft.draftId, giverId: erin.id, audience: "recipient" });
    const again = await sendFeedbackDraft(ctx, {
      draftId: draft.draftId,
      giverId: erin.id,
      audience: "recipient_and_manager",
    });
    expect(sent.duplicate).toBe(false);
    expect(again).toMatchObject({ duplicate: true, sharedWithName: null });
    expect(await db.prisma.feedback.count()).toBe(1);
    expect((await queuedDms(db)).map((dm) => dm.personId)).toEqual([bob.id]);
    expect(await db.prisma.feedbackDraft.count()).toBe(0);
    expect((await queuedDms(db)).some((dm) => dm.personId === carol.id)).toBe(false);
  });

  it("when someone other than the giver replays the send button, nothing is sent and the draft stays the giver's", async () => {
    const { erin, bob, dana } = await feedbackOrg(db);
    const { ctx } = capturedContext(db);
    const draft = await saveFeedbackDraft(ctx, { giverId: erin.id, recipientId: bob.id, text: SECRET });
    expect(
      (await refusal(sendFeedbackDraft(ctx, { draftId: draft.draftId, giverId: dana.id, audience: "recipient" }))).code,
    ).toBe("NOT_FOUND");
    expect((await cancelFeedbackDraft(ctx, { draftId: draft.draftId, giverId: dana.id })).cancelled).toBe(false);
    expect(await db.prisma.feedback.count()).toBe(0);
    expect(await db.prisma.feedbackDraft.count()).toBe(1);
  });

  it("when the giver chooses to share with a manager the recipient doesn't have, the draft stays so the other choice still works", async () => {
    const { erin, loner } = await feedbackOrg(db);
    const { ctx } = capturedContext(db);
    const draft = await saveFeedbackDraft(ctx, { giverId: erin.id, recipientId: loner.id, text: SECRET });
    await refusal(
      sendFeedbackDraft(ctx, { draftId: draft.draftId, giverId: erin.id, audience: "recipient_and_manager" }),
    );
    const sent = await sendFeedbackDraft(ctx, { draftId: draft.draftId, giverId: erin.id, audience: "recipient" });
    expect(sent.recipientName).toBe("Lonnie Loner");
  });

  it("when a draft is older than its lifetime or cancelled, it can't be sent and its text is deleted", async () => {
    const { erin, bob } = await feedbackOrg(db);
    const { ctx, clock } = capturedContext(db);
    const old = await saveFeedbackDraft(ctx, { giverId: erin.id, recipientId: bob.id, text: SECRET });
    const cancelled = await saveFeedbackDraft(ctx, { giverId: erin.id, recipientId: bob.id, text: SECRET });
    expect((await cancelFeedbackDraft(ctx, { draftId: cancelled.draftId, giverId: erin.id })).cancelled).toBe(true);
    clock.advance(DRAFT_TTL_MINUTES * 60_000 + 1);
    expect(
      (await refusal(sendFeedbackDraft(ctx, { draftId: old.draftId, giverId: erin.id, audience: "recipient" })))
        .userMessage,
    ).toMatch(/expired/);
    expect(
      (await refusal(sendFeedbackDraft(ctx, { draftId: cancelled.draftId, giverId: erin.id, audience: "recipient" })))
        .userMessage,
    ).toMatch(/expired/);
    expect(await db.prisma.feedbackDraft.count()).toBe(0);
    expect(await db.prisma.feedback.count()).toBe(0);
  });

  it("when a new draft is saved, expired drafts of anyone are purged", async () => {
    const { erin, bob, dana } = await feedbackOrg(db);
    const { ctx, clock } = capturedContext(db);
    await saveFeedbackDraft(ctx, { giverId: dana.id, recipientId: bob.id, text: SECRET });
    clock.advance(DRAFT_TTL_MINUTES * 60_000 + 1);
    await saveFeedbackDraft(ctx, { giverId: erin.id, recipientId: bob.id, text: "fresh" });
    expect((await db.prisma.feedbackDraft.findMany()).map((draft) => draft.text)).toEqual(["fresh"]);
  });
});

describe("reading feedback", () => {
  it("when feedback was given to Bob only, Bob reads it and his manager, a peer and HR read nothing", async () => {
    const { erin, bob, carol, dana, hana } = await feedbackOrg(db);
    const { ctx } = capturedContext(db);
    await giveFeedback(ctx, {
      giverId: erin.id,
      recipientId: bob.id,
      text: SECRET,
      audience: "recipient",
      requestKey: "k1",
    });
    expect(await listFeedbackForMe(ctx, { personId: bob.id })).toMatchObject([
      { giverName: "Erin Else", text: SECRET, reason: "to-you", topic: null },
    ]);
    for (const other of [carol, dana, hana, erin])
      expect(await listFeedbackForMe(ctx, { personId: other.id })).toEqual([]);
  });

  it("when feedback was shared with Bob's manager, Carol reads it marked as shared with her as his manager; Max (her manager) does not", async () => {
    const { erin, bob, carol, max } = await feedbackOrg(db);
    const { ctx } = capturedContext(db);
    await giveFeedback(ctx, {
      giverId: erin.id,
      recipientId: bob.id,
      text: SECRET,
      audience: "recipient_and_manager",
      requestKey: "k1",
    });
    expect(await listFeedbackForMe(ctx, { personId: carol.id })).toMatchObject([
      { recipientName: "Bob Brown", text: SECRET, reason: "shared-as-manager" },
    ]);
    expect(await listFeedbackForMe(ctx, { personId: max.id })).toEqual([]);
  });

  it("when Bob moves to a new manager, feedback shared with his old manager is not shown to the new one", async () => {
    const { erin, bob, carol, max } = await feedbackOrg(db);
    const { ctx } = capturedContext(db);
    await giveFeedback(ctx, {
      giverId: erin.id,
      recipientId: bob.id,
      text: SECRET,
      audience: "recipient_and_manager",
      requestKey: "k1",
    });
    await db.prisma.person.update({ where: { id: bob.id }, data: { managerId: max.id } });
    expect(await listFeedbackForMe(ctx, { personId: max.id })).toEqual([]);
    expect(await listFeedbackForMe(ctx, { personId: carol.id })).toHaveLength(1);
  });

  it("when more feedback exists than the limit, the newest comes first", async () => {
    const { erin, bob } = await feedbackOrg(db);
    const { ctx, clock } = capturedContext(db);
    for (let i = 0; i < 12; i += 1) {
      await giveFeedback(ctx, {
        giverId: erin.id,
        recipientId: bob.id,
        text: `note ${i}`,
        audience: "recipient",
        requestKey: `k${i}`,
      });
      clock.advance(60_000);
    }
    const items = await listFeedbackForMe(ctx, { personId: bob.id });
    expect(items.map((item) => item.text)).toEqual(Array.from({ length: 10 }, (_, i) => `note ${11 - i}`));
  });
});
