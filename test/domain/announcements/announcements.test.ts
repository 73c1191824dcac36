// Announcements in the domain, on both databases: HR-only creation with one outbox post per channel (exactly once,
// even when the same request arrives twice), idempotent acknowledgements, HR's status over the audience, and the
// one follow-up DM per person.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { acknowledgeAnnouncement } from "../../../src/domain/announcements/acknowledge-announcement.ts";
import { announcementStatus } from "../../../src/domain/announcements/announcement-status.ts";
import { createAnnouncement } from "../../../src/domain/announcements/create-announcement.ts";
import { followUpUnacknowledged } from "../../../src/domain/announcements/follow-up-unacknowledged.ts";
import { AppError } from "../../../src/shared/errors.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { createPerson, domainContext } from "../../support/fixtures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(() => resetDatabase(db));

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function people() {
  const hana = await createPerson(db, { name: "Hana HR", role: "hr", slackUserId: "UHANA" });
  const amy = await createPerson(db, { name: "Amy", slackUserId: "UAMY" });
  const ben = await createPerson(db, { name: "Ben", slackUserId: "UBEN" });
  const cleo = await createPerson(db, { name: "Cleo", role: "manager", teamsAadObjectId: "aad-cleo" });
  const gone = await createPerson(db, { name: "Gone", slackUserId: "UGONE", active: false });
  const never = await createPerson(db, { name: "Never used Momentum" });
  return { hana, amy, ben, cleo, gone, never };
}

const twoChannels = [
  { platform: "slack" as const, channel: "CGENERAL" },
  { platform: "slack" as const, channel: "CRANDOM" },
];

describe("creating an announcement", () => {
  it("when HR posts to two channels, one announcement, two targets and one outbox post per channel are stored", async () => {
    const { hana } = await people();
    const ctx = domainContext(db);

    const result = await createAnnouncement(ctx, {
      authorId: hana.id,
      text: "  Review cycle starts Monday  ",
      targets: twoChannels,
      withAck: true,
      requestKey: "view-1",
    });

    expect(result).toMatchObject({ duplicate: false, withAck: true, targets: twoChannels });
    const stored = await db.prisma.announcement.findUniqueOrThrow({
      where: { id: result.announcementId },
      include: { targets: true },
    });
    expect(stored.text).toBe("Review cycle starts Monday");
    expect(stored.targets.map((target) => target.channel).sort()).toEqual(["CGENERAL", "CRANDOM"]);
    const deliveries = await db.prisma.delivery.findMany({ orderBy: { key: "asc" } });
    expect(deliveries.map((row) => [row.key, row.target])).toEqual([
      [`announcement:${result.announcementId}:slack:CGENERAL`, { kind: "slack-channel", channel: "CGENERAL" }],
      [`announcement:${result.announcementId}:slack:CRANDOM`, { kind: "slack-channel", channel: "CRANDOM" }],
    ]);
    expect(deliveries[0].message).toEqual({
      type: "announcement.posted",
      announcementId: result.announcementId,
      authorName: "Hana HR",
      text: "Review cycle starts Monday",
      withAck: true,
    });
  });

  it("when the same request arrives twice (even at once), it is stored and queued once and the copy says duplicate", async () => {
    const { hana } = await people();
    const ctx = domainContext(db);
    const request = { authorId: hana.id, text: "Hello", targets: twoChannels, requestKey: "view-twice" };

    const [first, second] = await Promise.all([createAnnouncement(ctx, request), createAnnouncement(ctx, request)]);
    const third = await createAnnouncement(ctx, request);

    expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
    expect(third).toMatchObject({ duplicate: true, announcementId: first.announcementId });
    expect(await db.prisma.announcement.count()).toBe(1);
    expect(await db.prisma.delivery.count()).toBe(2);
  });

  it("when the same channel is chosen twice, it gets one post", async () => {
    const { hana } = await people();
    await createAnnouncement(domainContext(db), {
      authorId: hana.id,
      text: "Hi",
      targets: [twoChannels[0], twoChannels[0]],
      requestKey: "dup-channel",
    });
    expect(await db.prisma.delivery.count()).toBe(1);
  });

  it.each(["employee", "manager"] as const)(
    "when a %s tries, they are told only HR can, and nothing is stored or queued",
    async (role) => {
      const someone = await createPerson(db, { role });
      const error = await refusal(
        createAnnouncement(domainContext(db), {
          authorId: someone.id,
          text: "Hi",
          targets: twoChannels,
          requestKey: "r",
        }),
      );
      expect(error.userMessage).toBe("Sorry, only HR can send announcements.");
      expect(await db.prisma.announcement.count()).toBe(0);
      expect(await db.prisma.delivery.count()).toBe(0);
    },
  );

  it("when an admin posts, it is allowed (admins can do what HR can)", async () => {
    const admin = await createPerson(db, { role: "admin" });
    const result = await createAnnouncement(domainContext(db), {
      authorId: admin.id,
      text: "Hi",
      targets: twoChannels,
      requestKey: "admin",
    });
    expect(result.duplicate).toBe(false);
  });

  it.each([
    [{ text: "" }, "Write the announcement first."],
    [{ text: "x".repeat(3001) }, "An announcement can be at most 3000 characters: please shorten it."],
    [{ targets: [] }, "Choose at least one channel to post in."],
    [
      { targets: Array.from({ length: 21 }, (_, i) => ({ platform: "slack" as const, channel: `C${i}` })) },
      "Choose at most 20 channels for one announcement.",
    ],
  ])("when the input is %j, HR is told %j and nothing is stored", async (change, message) => {
    const { hana } = await people();
    const error = await refusal(
      createAnnouncement(domainContext(db), {
        authorId: hana.id,
        text: "Hi",
        targets: twoChannels,
        requestKey: "bad",
        ...change,
      }),
    );
    expect(error.userMessage).toBe(message);
    expect(await db.prisma.announcement.count()).toBe(0);
  });
});

describe("acknowledging, status and the follow-up", () => {
  async function announced(targets = twoChannels) {
    const everyone = await people();
    const ctx = domainContext(db);
    const { announcementId } = await createAnnouncement(ctx, {
      authorId: everyone.hana.id,
      text: "Please read the new policy",
      targets,
      withAck: true,
      requestKey: "policy",
    });
    return { ...everyone, ctx, announcementId };
  }

  it("when someone acknowledges twice, one acknowledgement is stored and the second says it was already recorded", async () => {
    const { ctx, announcementId, amy } = await announced();
    expect(await acknowledgeAnnouncement(ctx, { announcementId, personId: amy.id })).toEqual({
      recorded: true,
      authorName: "Hana HR",
    });
    expect(await acknowledgeAnnouncement(ctx, { announcementId, personId: amy.id })).toEqual({
      recorded: false,
      authorName: "Hana HR",
    });
    expect(await db.prisma.announcementAck.count()).toBe(1);
  });

  it("the audience is the active people with an identity on the posted platforms, without the author; status splits it by acknowledgement", async () => {
    const { ctx, announcementId, hana, amy } = await announced();
    await acknowledgeAnnouncement(ctx, { announcementId, personId: amy.id });

    const status = await announcementStatus(ctx, { actorId: hana.id });

    expect(status.announcement.id).toBe(announcementId);
    expect(status.audienceCount).toBe(2);
    expect(status.acknowledged.map((person) => person.name)).toEqual(["Amy"]);
    // Cleo is on Teams only; Gone is inactive; "Never used Momentum" has no identity; Hana wrote it.
    expect(status.pending.map((person) => person.name)).toEqual(["Ben"]);
    expect(status.followUpCount).toBe(1);
  });

  it("when the announcement went to Slack and Teams channels, people on either platform are in its audience", async () => {
    const { ctx, hana } = await announced();
    const { announcementId } = await createAnnouncement(ctx, {
      authorId: hana.id,
      text: "Both",
      targets: [twoChannels[0], { platform: "teams", channel: "19:general@thread.tacv2" }],
      withAck: true,
      requestKey: "both",
    });
    const status = await announcementStatus(ctx, { actorId: hana.id, announcementId });
    expect(status.pending.map((person) => person.name)).toEqual(["Amy", "Ben", "Cleo"]);
  });

  it("the follow-up DMs only those who have not acknowledged, once: a second follow-up queues nothing new", async () => {
    const { ctx, announcementId, hana, amy, ben } = await announced();
    await acknowledgeAnnouncement(ctx, { announcementId, personId: amy.id });

    // Outside the Slack audience and reachable nowhere ("Never used Momentum", Cleo with no Teams chat): counted for HR.
    expect(await followUpUnacknowledged(ctx, { actorId: hana.id, announcementId })).toEqual({
      announcementId,
      queued: 1,
      reaching: 1,
      alreadyFollowedUp: 0,
      unreachable: 2,
    });
    expect(await followUpUnacknowledged(ctx, { actorId: hana.id, announcementId })).toEqual({
      announcementId,
      queued: 0,
      reaching: 0,
      alreadyFollowedUp: 1,
      unreachable: 2,
    });

    const dms = await db.prisma.delivery.findMany({ where: { kind: "announcement.followup" } });
    expect(dms.map((row) => [row.key, row.personId, row.respectQuietHours])).toEqual([
      [`announcement-followup:${announcementId}:${ben.id}`, ben.id, true],
    ]);
    const status = await announcementStatus(ctx, { actorId: hana.id, announcementId });
    expect({ followedUp: status.followedUp, followUpCount: status.followUpCount }).toEqual({
      followedUp: 1,
      followUpCount: 0,
    });
  });

  it.each(["employee", "manager"] as const)(
    "when a %s asks for the status or a follow-up, they are refused and nothing is queued",
    async (role) => {
      const { ctx, announcementId } = await announced();
      const someone = await createPerson(db, { role, slackUserId: `U${role}` });
      expect((await refusal(announcementStatus(ctx, { actorId: someone.id, announcementId }))).code).toBe("FORBIDDEN");
      expect((await refusal(followUpUnacknowledged(ctx, { actorId: someone.id, announcementId }))).userMessage).toBe(
        "Sorry, only HR can send announcement reminders.",
      );
      expect(await db.prisma.delivery.count({ where: { kind: "announcement.followup" } })).toBe(0);
    },
  );

  it("when the announcement didn't ask for acknowledgement, clicking or reminding is refused kindly", async () => {
    const { hana, amy } = await people();
    const ctx = domainContext(db);
    const { announcementId } = await createAnnouncement(ctx, {
      authorId: hana.id,
      text: "FYI",
      targets: twoChannels,
      requestKey: "fyi",
    });
    expect((await refusal(acknowledgeAnnouncement(ctx, { announcementId, personId: amy.id }))).code).toBe("VALIDATION");
    expect((await refusal(followUpUnacknowledged(ctx, { actorId: hana.id, announcementId }))).code).toBe("VALIDATION");
    expect((await announcementStatus(ctx, { actorId: hana.id, announcementId })).followUpCount).toBe(0);
  });

  it("when there is no announcement yet (or the id is unknown), status says so", async () => {
    const { hana } = await people();
    expect((await refusal(announcementStatus(domainContext(db), { actorId: hana.id }))).userMessage).toBe(
      "There are no announcements yet.",
    );
    expect(
      (await refusal(announcementStatus(domainContext(db), { actorId: hana.id, announcementId: "nope" }))).code,
    ).toBe("NOT_FOUND");
  });
});
