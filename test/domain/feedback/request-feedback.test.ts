import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answerFeedbackRequest } from "../../../src/domain/feedback/answer-feedback-request.ts";
import { declineFeedbackRequest } from "../../../src/domain/feedback/decline-feedback-request.ts";
import { getFeedbackAsk } from "../../../src/domain/feedback/get-feedback-ask.ts";
import { listFeedbackForMe } from "../../../src/domain/feedback/list-feedback-for-me.ts";
import { requestFeedback } from "../../../src/domain/feedback/request-feedback.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { capturedContext, feedbackOrg, queuedDms, refusal } from "./feedback-support.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(() => resetDatabase(db));

const ANSWER = "Great launch plan; the rollback story needs work (zq-answer-5521)";

async function askIdFor(personId: string) {
  return (await db.prisma.feedbackAsk.findFirstOrThrow({ where: { askedId: personId } })).id;
}

describe("asking for feedback", () => {
  it("when Bob asks Dana and Erin about himself, each gets one DM with an answer button that says only Bob reads the answer", async () => {
    const { bob, dana, erin, carol } = await feedbackOrg(db);
    const result = await requestFeedback(capturedContext(db).ctx, {
      requesterId: bob.id,
      subjectId: bob.id,
      askedIds: [dana.id, erin.id, dana.id],
      topic: "the launch",
      requestKey: "r1",
    });
    expect(result).toMatchObject({
      duplicate: false,
      subjectName: "Bob Brown",
      askedNames: ["Dana Doer", "Erin Else"],
      readerNames: ["Bob Brown"],
    });
    const dms = await queuedDms(db);
    expect(dms.map((dm) => dm.personId).sort()).toEqual([dana.id, erin.id].sort());
    expect(dms[0].message).toMatchObject({
      type: "feedback.requested",
      requesterName: "Bob Brown",
      subjectName: "Bob Brown",
      aboutRequester: true,
      topic: "the launch",
      readerNames: ["Bob Brown"],
    });
    expect(dms.some((dm) => dm.personId === carol.id || dm.personId === bob.id)).toBe(false);
  });

  it("when Bob shares his request with his manager, the asked people are told Bob and Carol read the answers", async () => {
    const { bob, dana } = await feedbackOrg(db);
    const result = await requestFeedback(capturedContext(db).ctx, {
      requesterId: bob.id,
      subjectId: bob.id,
      askedIds: [dana.id],
      topic: "the launch",
      audience: "recipient_and_manager",
      requestKey: "r1",
    });
    expect(result.readerNames).toEqual(["Bob Brown", "Carol Chief"]);
    expect((await queuedDms(db))[0].message.readerNames).toEqual(["Bob Brown", "Carol Chief"]);
  });

  it("when Carol asks about her report Bob, the answers go to Bob and to Carol", async () => {
    const { carol, bob, dana } = await feedbackOrg(db);
    const result = await requestFeedback(capturedContext(db).ctx, {
      requesterId: carol.id,
      subjectId: bob.id,
      askedIds: [dana.id],
      topic: "Q4",
      requestKey: "r1",
    });
    expect(result.readerNames).toEqual(["Bob Brown", "Carol Chief"]);
    expect((await queuedDms(db))[0].message).toMatchObject({
      aboutRequester: false,
      subjectName: "Bob Brown",
      requesterName: "Carol Chief",
    });
  });

  it("when HR asks about anyone, the answers go to that person and to HR", async () => {
    const { hana, erin, dana } = await feedbackOrg(db);
    const result = await requestFeedback(capturedContext(db).ctx, {
      requesterId: hana.id,
      subjectId: erin.id,
      askedIds: [dana.id],
      topic: "onboarding",
      requestKey: "r1",
    });
    expect(result.readerNames).toEqual(["Erin Else", "Hana HR"]);
  });

  const refusals: [
    string,
    (org: Awaited<ReturnType<typeof feedbackOrg>>) => Parameters<typeof requestFeedback>[1],
    RegExp,
  ][] = [
    [
      "an employee asks about a colleague",
      ({ erin, bob, dana }) => ({
        requesterId: erin.id,
        subjectId: bob.id,
        askedIds: [dana.id],
        topic: "t",
        requestKey: "r",
      }),
      /about yourself; managers can also ask about their direct reports/,
    ],
    [
      "a manager asks about someone else's report",
      ({ max, bob, dana }) => ({
        requesterId: max.id,
        subjectId: bob.id,
        askedIds: [dana.id],
        topic: "t",
        requestKey: "r",
      }),
      /isn't one of your direct reports/,
    ],
    [
      "someone asks themselves",
      ({ bob }) => ({ requesterId: bob.id, subjectId: bob.id, askedIds: [bob.id], topic: "t", requestKey: "r" }),
      /can't ask yourself/,
    ],
    [
      "a manager asks the report about themselves",
      ({ carol, bob }) => ({
        requesterId: carol.id,
        subjectId: bob.id,
        askedIds: [bob.id],
        topic: "t",
        requestKey: "r",
      }),
      /can't be asked for feedback about themselves/,
    ],
    [
      "an inactive person is asked",
      ({ bob, gone }) => ({ requesterId: bob.id, subjectId: bob.id, askedIds: [gone.id], topic: "t", requestKey: "r" }),
      /no longer active/,
    ],
    [
      "nobody is asked",
      ({ bob }) => ({ requesterId: bob.id, subjectId: bob.id, askedIds: [], topic: "t", requestKey: "r" }),
      /Mention the people/,
    ],
    [
      "the topic is missing",
      ({ bob, dana }) => ({ requesterId: bob.id, subjectId: bob.id, askedIds: [dana.id], topic: " ", requestKey: "r" }),
      /what the feedback is about/,
    ],
    [
      "the topic is over 200 characters",
      ({ bob, dana }) => ({
        requesterId: bob.id,
        subjectId: bob.id,
        askedIds: [dana.id],
        topic: "t".repeat(201),
        requestKey: "r",
      }),
      /at most 200/,
    ],
    [
      "it is shared with a manager who doesn't exist",
      ({ loner, dana }) => ({
        requesterId: loner.id,
        subjectId: loner.id,
        askedIds: [dana.id],
        topic: "t",
        audience: "recipient_and_manager",
        requestKey: "r",
      }),
      /has no manager/,
    ],
  ];
  for (const [situation, options, expected] of refusals) {
    it(`when ${situation}, the requester is told why and nobody is asked`, async () => {
      const org = await feedbackOrg(db);
      expect((await refusal(requestFeedback(capturedContext(db).ctx, options(org)))).userMessage).toMatch(expected);
      expect(await db.prisma.feedbackRequest.count()).toBe(0);
      expect(await db.prisma.delivery.count()).toBe(0);
    });
  }

  it("when the same request arrives twice, nobody is asked twice", async () => {
    const { bob, dana } = await feedbackOrg(db);
    const { ctx } = capturedContext(db);
    const options = {
      requesterId: bob.id,
      subjectId: bob.id,
      askedIds: [dana.id],
      topic: "the launch",
      requestKey: "r1",
    };
    const [a, b] = await Promise.all([requestFeedback(ctx, options), requestFeedback(ctx, options)]);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(await db.prisma.feedbackAsk.count()).toBe(1);
    expect(await db.prisma.delivery.count()).toBe(1);
  });
});

describe("answering a request", () => {
  it("when Dana answers Bob's own request, the answer goes to Bob only (not his manager) and Dana can't answer again", async () => {
    const { bob, dana, carol } = await feedbackOrg(db);
    const { ctx } = capturedContext(db);
    await requestFeedback(ctx, {
      requesterId: bob.id,
      subjectId: bob.id,
      askedIds: [dana.id],
      topic: "the launch",
      requestKey: "r1",
    });
    const askId = await askIdFor(dana.id);
    await db.prisma.delivery.deleteMany();

    const result = await answerFeedbackRequest(ctx, { askId, answererId: dana.id, text: ANSWER });
    expect(result).toMatchObject({ recipientName: "Bob Brown", sharedWithName: null });
    const dms = await queuedDms(db);
    expect(dms.map((dm) => dm.personId)).toEqual([bob.id]);
    expect(dms[0].message).toMatchObject({
      reader: "recipient",
      topic: "the launch",
      text: ANSWER,
      giverName: "Dana Doer",
    });
    expect(await listFeedbackForMe(ctx, { personId: carol.id })).toEqual([]);

    const again = await refusal(answerFeedbackRequest(ctx, { askId, answererId: dana.id, text: "edited" }));
    expect(again.userMessage).toMatch(/already answered .* can't be changed/);
    expect((await db.prisma.feedback.findMany()).map((row) => row.text)).toEqual([ANSWER]);
  });

  it("when Carol asked about her report Bob, Dana's answer reaches Bob and Carol, marked for Carol as the one who asked", async () => {
    const { bob, dana, carol, max, erin } = await feedbackOrg(db);
    const { ctx } = capturedContext(db);
    await requestFeedback(ctx, {
      requesterId: carol.id,
      subjectId: bob.id,
      askedIds: [dana.id, erin.id],
      topic: "Q4",
      requestKey: "r1",
    });
    await db.prisma.delivery.deleteMany();
    await answerFeedbackRequest(ctx, { askId: await askIdFor(dana.id), answererId: dana.id, text: ANSWER });
    const dms = await queuedDms(db);
    expect(dms.map((dm) => dm.personId).sort()).toEqual([bob.id, carol.id].sort());
    expect(dms.find((dm) => dm.personId === carol.id)!.message).toMatchObject({
      reader: "shared",
      sharedReason: "requester",
    });
    expect(dms.find((dm) => dm.personId === bob.id)!.message).toMatchObject({
      reader: "recipient",
      sharedWithName: "Carol Chief",
      sharedReason: "requester",
    });
    expect(await listFeedbackForMe(ctx, { personId: carol.id })).toMatchObject([
      { reason: "you-asked", recipientName: "Bob Brown", topic: "Q4" },
    ]);
    for (const outsider of [max, erin]) expect(await listFeedbackForMe(ctx, { personId: outsider.id })).toEqual([]);
  });

  it("when Bob shared his request with his manager, the answer reaches Bob and Carol as his manager", async () => {
    const { bob, dana, carol } = await feedbackOrg(db);
    const { ctx } = capturedContext(db);
    await requestFeedback(ctx, {
      requesterId: bob.id,
      subjectId: bob.id,
      askedIds: [dana.id],
      topic: "the launch",
      audience: "recipient_and_manager",
      requestKey: "r1",
    });
    await db.prisma.delivery.deleteMany();
    await answerFeedbackRequest(ctx, { askId: await askIdFor(dana.id), answererId: dana.id, text: ANSWER });
    expect((await queuedDms(db)).find((dm) => dm.personId === carol.id)!.message).toMatchObject({
      reader: "shared",
      sharedReason: "manager",
    });
    expect(await listFeedbackForMe(ctx, { personId: carol.id })).toMatchObject([{ reason: "shared-as-manager" }]);
  });

  it("when someone who wasn't asked replays the answer (or opens the form), they are refused and nothing is stored or sent", async () => {
    const { bob, dana, erin, carol } = await feedbackOrg(db);
    const { ctx } = capturedContext(db);
    await requestFeedback(ctx, {
      requesterId: bob.id,
      subjectId: bob.id,
      askedIds: [dana.id],
      topic: "the launch",
      requestKey: "r1",
    });
    const askId = await askIdFor(dana.id);
    await db.prisma.delivery.deleteMany();
    for (const intruder of [erin, carol, bob]) {
      expect(
        (await refusal(answerFeedbackRequest(ctx, { askId, answererId: intruder.id, text: ANSWER }))).userMessage,
      ).toMatch(/sent to someone else/);
      expect((await refusal(getFeedbackAsk(ctx, { askId, personId: intruder.id }))).code).toBe("FORBIDDEN");
      expect((await refusal(declineFeedbackRequest(ctx, { askId, answererId: intruder.id }))).code).toBe("FORBIDDEN");
    }
    expect(await db.prisma.feedback.count()).toBe(0);
    expect(await db.prisma.delivery.count()).toBe(0);
    expect((await db.prisma.feedbackAsk.findUniqueOrThrow({ where: { id: askId } })).status).toBe("pending");
  });

  it("when two answers from the asked person race (a double submit), one is stored and the other is refused", async () => {
    const { bob, dana } = await feedbackOrg(db);
    const { ctx } = capturedContext(db);
    await requestFeedback(ctx, {
      requesterId: bob.id,
      subjectId: bob.id,
      askedIds: [dana.id],
      topic: "the launch",
      requestKey: "r1",
    });
    const askId = await askIdFor(dana.id);
    await db.prisma.delivery.deleteMany();
    const outcomes = await Promise.allSettled([
      answerFeedbackRequest(ctx, { askId, answererId: dana.id, text: ANSWER }),
      answerFeedbackRequest(ctx, { askId, answererId: dana.id, text: ANSWER }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(await db.prisma.feedback.count()).toBe(1);
    expect(await db.prisma.delivery.count()).toBe(1);
  });

  it("when Dana declines, the request can no longer be answered and nothing is sent to anyone", async () => {
    const { bob, dana } = await feedbackOrg(db);
    const { ctx } = capturedContext(db);
    await requestFeedback(ctx, {
      requesterId: bob.id,
      subjectId: bob.id,
      askedIds: [dana.id],
      topic: "the launch",
      requestKey: "r1",
    });
    const askId = await askIdFor(dana.id);
    await db.prisma.delivery.deleteMany();
    expect(await declineFeedbackRequest(ctx, { askId, answererId: dana.id })).toEqual({ subjectName: "Bob Brown" });
    expect(
      (await refusal(answerFeedbackRequest(ctx, { askId, answererId: dana.id, text: ANSWER }))).userMessage,
    ).toMatch(/declined/);
    expect(await db.prisma.feedback.count()).toBe(0);
    expect(await db.prisma.delivery.count()).toBe(0);
  });

  it("when a request is made and answered, the log never holds the answer", async () => {
    const { bob, dana } = await feedbackOrg(db);
    const { ctx, lines } = capturedContext(db);
    await requestFeedback(ctx, {
      requesterId: bob.id,
      subjectId: bob.id,
      askedIds: [dana.id],
      topic: "the launch",
      requestKey: "r1",
    });
    await answerFeedbackRequest(ctx, { askId: await askIdFor(dana.id), answererId: dana.id, text: ANSWER });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain("zq-answer-5521");
  });
});
