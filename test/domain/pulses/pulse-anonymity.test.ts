// The anonymity rules of pulse surveys, tried as an attacker would: the tables themselves, a team of 4, a team of 5
// minus one, a comment from a team of 3, peeking while a round is open, the export, the logs, and who may ask.
import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getPulseForm, submitPulseAnswer } from "../../../src/domain/pulses/answer-pulse.ts";
import { closePulseEarly } from "../../../src/domain/pulses/close-pulse-round.ts";
import { exportPulseResults, PULSE_EXPORT_COLUMNS } from "../../../src/domain/pulses/export-pulse-results.ts";
import { launchPulse, previewPulse } from "../../../src/domain/pulses/launch-pulse.ts";
import { pulseResults } from "../../../src/domain/pulses/pulse-results.ts";
import { pulsesCsv } from "../../../src/cli/commands/pulses.ts";
import { buildTeamSummaries } from "../../../src/domain/summaries/build-team-summaries.ts";
import { erasePerson } from "../../../src/domain/privacy/erase-person.ts";
import { exportPersonData } from "../../../src/domain/privacy/export-person-data.ts";
import { UNSTORABLE_TEXT } from "../../../src/domain/text.schemas.ts";
import { AppError } from "../../../src/shared/errors.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { createLogger } from "../../../src/shared/logger.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { domainContext } from "../../support/fixtures.ts";
import { answer, draft, launch, markAllSent, reachable, team, tick, type PulseContext } from "./pulse-support.ts";

let db: TestDatabase;
let ctx: PulseContext;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(async () => {
  await resetDatabase(db);
  const clock = new ManualClock("2026-12-07T12:00:00Z");
  ctx = { ...domainContext(db, { clock }), clock };
});

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Launches, asks everyone (all in UTC), and returns the open round's id. */
async function openRound(hrId: string, overrides = {}) {
  await launch(ctx, hrId, overrides);
  await tick(ctx, "2026-12-08T10:00:00Z");
  await markAllSent(db, "2026-12-08T10:00:00Z");
  return (await db.prisma.pulseRound.findFirstOrThrow()).id;
}

async function close(hrId: string) {
  ctx.clock.set("2026-12-09T12:00:00Z");
  await closePulseEarly(ctx, { actorId: hrId });
}

describe("pulse anonymity", () => {
  it("the answers table has no person column, and a change finds the answer only through the respondent's own key", async () => {
    const columns = await db.prisma.$queryRaw<
      { column_name: string }[]
    >`SELECT column_name FROM information_schema.columns WHERE table_name = 'PulseAnswer' ORDER BY column_name`;
    expect(columns.map((column) => column.column_name)).toEqual([
      "comment",
      "id",
      "roundId",
      "scores",
      "teamId",
      "tokenHash",
    ]);

    const hana = await reachable(db, "Hana", { role: "hr" });
    const amy = await reachable(db, "Amy");
    const ben = await reachable(db, "Ben");
    const round = await openRound(hana.id);
    const first = await answer(ctx, amy.id, round, 3, { comment: "Too many meetings" });
    const stored = await db.prisma.pulseAnswer.findFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(amy.id);
    expect(stored.tokenHash).not.toContain(first.token);

    // Without her key, opening the form again refuses, and so does answering twice.
    expect((await refusal(getPulseForm(ctx, { personId: amy.id, roundId: round }))).userMessage).toContain(
      "Change my answers",
    );
    expect((await refusal(answer(ctx, amy.id, round, 10))).userMessage).toContain("already answered");
    // Ben holding Amy's key (a forwarded message) can't change her answer: he isn't a participant.
    expect(
      (
        await refusal(
          submitPulseAnswer(ctx, {
            personId: ben.id,
            roundId: round,
            token: first.token,
            answers: { enps: "0", recognition: "1", growth: "1", workload: "1", manager_support: "1", alignment: "1" },
          }),
        )
      ).code,
    ).toBe("CONFLICT");

    const form = await getPulseForm(ctx, { personId: amy.id, roundId: round, token: first.token });
    expect(form.editing).toBe(true);
    expect(form.values).toEqual({
      scores: { enps: 3, recognition: 4, growth: 4, workload: 4, manager_support: 4, alignment: 4 },
      comment: "Too many meetings",
    });
    const changed = await submitPulseAnswer(ctx, {
      personId: amy.id,
      roundId: round,
      token: first.token,
      answers: { ...form.values.scores, enps: "8" },
      comment: "",
    });
    expect(changed.outcome).toBe("changed");
    expect(await db.prisma.pulseAnswer.findMany({ select: { scores: true, comment: true } })).toEqual([
      { scores: { ...form.values.scores, enps: 8 }, comment: null },
    ]);
    expect(await db.prisma.pulseParticipation.count()).toBe(1);

    await close(hana.id);
    expect(
      (
        await refusal(
          submitPulseAnswer(ctx, { personId: amy.id, roundId: round, token: first.token, answers: form.values.scores }),
        )
      ).userMessage,
    ).toContain("closed");
  });

  it("after the next tick, joining participation and answers on PostgreSQL's transaction ids finds nothing, and keys still work", async () => {
    const hana = await reachable(db, "Hana", { role: "hr" });
    const amy = await reachable(db, "Amy");
    const ben = await reachable(db, "Ben");
    const round = await openRound(hana.id);
    const amyAnswer = await answer(ctx, amy.id, round, 2);
    await answer(ctx, ben.id, round, 9);
    const linked = () =>
      db.prisma.$queryRaw<
        { personId: string; scores: unknown }[]
      >`SELECT p."personId", a.scores FROM "PulseAnswer" a JOIN "PulseParticipation" p ON p.xmin = a.xmin`;
    // The attack works on freshly written rows…
    expect((await linked()).map((row) => row.personId).sort()).toEqual([amy.id, ben.id].sort());
    await tick(ctx, "2026-12-08T10:01:00Z");
    // …and not after the scheduler's next tick.
    expect(await linked()).toEqual([]);
    expect(await db.prisma.pulseAnswer.count()).toBe(2);
    const changed = await submitPulseAnswer(ctx, {
      personId: amy.id,
      roundId: round,
      token: amyAnswer.token,
      answers: { enps: "6", recognition: "3", growth: "3", workload: "3", manager_support: "3", alignment: "3" },
    });
    expect(changed.outcome).toBe("changed");
    expect(await linked()).toEqual([]);
  });

  it("someone who wasn't asked can't answer, and a missing score is refused under its question with nothing stored", async () => {
    const hana = await reachable(db, "Hana", { role: "hr" });
    const { manager, members } = await team(db, "Max", 2);
    const round = await openRound(hana.id, { audience: { kind: "teams", managerIds: [manager.id] } });
    expect((await refusal(answer(ctx, hana.id, round, 9))).code).toBe("FORBIDDEN");
    const error = await refusal(
      submitPulseAnswer(ctx, { personId: members[0].id, roundId: round, answers: { enps: "11", recognition: "4" } }),
    );
    expect((error as unknown as { fieldErrors: Record<string, string> }).fieldErrors).toMatchObject({
      enps: "Choose a value from 0 to 10.",
      growth: "Choose a value from 1 to 5.",
    });
    expect(await db.prisma.pulseAnswer.count()).toBe(0);
    expect(await db.prisma.pulseParticipation.count()).toBe(0);
  });

  it("a comment holding a NUL byte or half a surrogate pair is refused with a message to retype it, and nothing is stored", async () => {
    const hana = await reachable(db, "Hana", { role: "hr" });
    const { manager, members } = await team(db, "Max", 2);
    const round = await openRound(hana.id, { audience: { kind: "teams", managerIds: [manager.id] } });
    const scores = { enps: "9", recognition: "4", growth: "4", workload: "4", manager_support: "4", alignment: "4" };
    for (const comment of ["Great\u0000 team", "Great \uD800 team"]) {
      const error = await refusal(
        submitPulseAnswer(ctx, { personId: members[0].id, roundId: round, answers: scores, comment }),
      );
      expect(error.userMessage).toBe(UNSTORABLE_TEXT);
    }
    expect(await db.prisma.pulseAnswer.count()).toBe(0);
    expect(await db.prisma.pulseParticipation.count()).toBe(0);
  });

  it("while a round is open HR sees participation only, so two looks can't reveal the answer that came in between", async () => {
    const hana = await reachable(db, "Hana", { role: "hr" });
    const { members } = await team(db, "Max", 7);
    const round = await openRound(hana.id);
    for (const member of members.slice(0, 6)) await answer(ctx, member.id, round, 9);
    const before = await pulseResults(ctx, { actorId: hana.id });
    await answer(ctx, members[6].id, round, 0);
    const after = await pulseResults(ctx, { actorId: hana.id });
    expect([before.open, before.overall, before.comments, after.overall]).toEqual([true, null, null, null]);
    expect([before.answered, after.answered]).toEqual([6, 7]);
  });

  it("a team of 4 that all answered is hidden, and so is the team of 6 beside it, since the total minus 6 would reveal the 4", async () => {
    const hana = await reachable(db, "Hana", { role: "hr" });
    const four = await team(db, "Fay", 4);
    const six = await team(db, "Sid", 6);
    const round = await openRound(hana.id, {
      audience: { kind: "teams", managerIds: [four.manager.id, six.manager.id] },
    });
    for (const member of four.members) await answer(ctx, member.id, round, 0);
    for (const member of six.members) await answer(ctx, member.id, round, 10);
    await close(hana.id);
    const results = await pulseResults(ctx, { actorId: hana.id });
    expect(results.overall?.enps).toBe(20);
    expect(results.teams.map((entry) => [entry.label, entry.stats, entry.hidden])).toEqual([
      ["Fay's team", null, "small"],
      ["Sid's team", null, "complementary"],
    ]);
  });

  it("a team of 5 with one not answering is hidden with the next-smallest team, while a larger team is shown", async () => {
    const hana = await reachable(db, "Hana", { role: "hr" });
    const almost = await team(db, "Ann", 5);
    const five = await team(db, "Bo", 5);
    const big = await team(db, "Cy", 8);
    const round = await openRound(hana.id, {
      audience: { kind: "teams", managerIds: [almost.manager.id, five.manager.id, big.manager.id] },
    });
    for (const member of almost.members.slice(0, 4)) await answer(ctx, member.id, round, 2);
    for (const member of five.members) await answer(ctx, member.id, round, 9);
    for (const member of big.members) await answer(ctx, member.id, round, 9);
    await close(hana.id);
    const results = await pulseResults(ctx, { actorId: hana.id });
    expect(results.teams.map((entry) => [entry.label, entry.hidden, entry.stats?.respondents ?? null])).toEqual([
      ["Ann's team", "small", null],
      ["Bo's team", "complementary", null],
      ["Cy's team", null, 8],
    ]);
    expect(results.teams[2].stats?.enps).toBe(100);
  });

  it("the Monday summary gives a manager their team's pulse numbers only where HR's breakdown shows them", async () => {
    const hana = await reachable(db, "Hana", { role: "hr" });
    const four = await team(db, "Fay", 4);
    const six = await team(db, "Sid", 6);
    const seven = await team(db, "Val", 7);
    const round = await openRound(hana.id, {
      audience: { kind: "teams", managerIds: [four.manager.id, six.manager.id, seven.manager.id] },
    });
    for (const member of [...four.members, ...six.members]) await answer(ctx, member.id, round, 5);
    for (const member of seven.members) await answer(ctx, member.id, round, 10, { agreement: 5 });
    await close(hana.id);
    const summaries = await buildTeamSummaries(ctx, { now: new Date("2026-12-14T08:00:00Z") });
    const pulseOf = (managerId: string) => summaries.find((summary) => summary.managerId === managerId)?.pulse;
    expect(pulseOf(seven.manager.id)).toMatchObject({
      shown: true,
      respondents: 7,
      enps: 100,
      title: "December pulse",
    });
    expect(pulseOf(four.manager.id)).toEqual({
      title: "December pulse",
      roundNumber: 1,
      minGroupSize: 5,
      shown: false,
    });
    expect(pulseOf(six.manager.id)).toMatchObject({ shown: false });
    // Three weeks later the round is no longer part of the summary.
    const later = await buildTeamSummaries(ctx, { now: new Date("2027-01-04T08:00:00Z") });
    expect(later.every((summary) => summary.pulse === undefined)).toBe(true);
  });

  it("a comment from a team of 3 is never shown, even when MIN_GROUP_SIZE is 3 and their scores are", async () => {
    ctx = { ...ctx, org: { ...ctx.org, minGroupSize: 3 } };
    const hana = await reachable(db, "Hana", { role: "hr" });
    const three = await team(db, "Tia", 3);
    const round = await openRound(hana.id, { audience: { kind: "teams", managerIds: [three.manager.id] } });
    await answer(ctx, three.members[0].id, round, 5, { comment: "My manager ignores me" });
    await answer(ctx, three.members[1].id, round, 7);
    await answer(ctx, three.members[2].id, round, 9);
    await close(hana.id);
    const results = await pulseResults(ctx, { actorId: hana.id });
    expect(results.overall?.respondents).toBe(3);
    expect(results.comments).toBeNull();
    const csv = pulsesCsv(await exportPulseResults(ctx, {}));
    expect(csv).not.toContain("ignores");
  });

  it("the export has no person column and nothing about a hidden group, and comments are verbatim in alphabetical order", async () => {
    const hana = await reachable(db, "Hana", { role: "hr" });
    const small = await team(db, "Sam", 2);
    const big = await team(db, "Bea", 6);
    const round = await openRound(hana.id, {
      audience: { kind: "teams", managerIds: [small.manager.id, big.manager.id] },
    });
    await answer(ctx, small.members[0].id, round, 1, { comment: "zebra crossing needed" });
    await answer(ctx, small.members[1].id, round, 1);
    for (const member of big.members)
      await answer(ctx, member.id, round, 9, { comment: member === big.members[0] ? "=HYPERLINK(1)" : undefined });
    await close(hana.id);
    const exported = await exportPulseResults(ctx, {});
    const csv = pulsesCsv(exported);
    expect(csv.split("\n")[0]).toBe(PULSE_EXPORT_COLUMNS.join(","));
    expect(PULSE_EXPORT_COLUMNS.some((column) => /person|email|name|respondent_id/.test(column))).toBe(false);
    for (const person of [...small.members, ...big.members]) {
      expect(csv).not.toContain(person.id);
      expect(csv).not.toContain(person.email);
      expect(csv).not.toContain(person.name);
    }
    const teamRows = exported.rows.filter((row) => row.group !== "All");
    expect(teamRows.every((row) => row.average === "" && row.respondents === "")).toBe(true);
    expect(exported.rows.filter((row) => row.question === "comment").map((row) => row.note)).toEqual([
      "=HYPERLINK(1)",
      "zebra crossing needed",
    ]);
    expect(csv).toContain("'=HYPERLINK(1)");
  });

  it("answering writes nothing to the logs that links the person to an answer, a comment or their key", async () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: "trace",
      pretty: false,
      destination: new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }),
    });
    ctx = { ...ctx, logger };
    const hana = await reachable(db, "Hana", { role: "hr" });
    const amy = await reachable(db, "Amy");
    const round = await openRound(hana.id);
    const result = await answer(ctx, amy.id, round, 4, { comment: "secret sauce" });
    await submitPulseAnswer(ctx, {
      personId: amy.id,
      roundId: round,
      token: result.token,
      answers: { enps: "5", recognition: "1", growth: "1", workload: "1", manager_support: "1", alignment: "1" },
    });
    const text = lines.join("\n");
    expect(text).not.toContain(amy.id);
    expect(text).not.toContain("secret sauce");
    expect(text).not.toContain(result.token);
  });

  it("a person's data export lists the rounds they answered but not their answers, and erasure removes that record while the anonymous answers stay counted", async () => {
    const hana = await reachable(db, "Hana", { role: "hr" });
    const amy = await reachable(db, "Amy");
    const round = await openRound(hana.id);
    await answer(ctx, amy.id, round, 7, { comment: "Quiet week" });
    const exported = await exportPersonData(ctx, { email: amy.email, actor: "test" });
    expect(exported.pulseRoundsAnswered).toEqual([{ survey: "December pulse", round: 1, date: "2026-12-08" }]);
    expect(JSON.stringify(exported)).not.toContain("Quiet week");
    const erased = await erasePerson(ctx, { email: amy.email, actor: "test" });
    expect(erased.counts.pulseParticipations).toBe(1);
    expect(await db.prisma.pulseParticipation.count()).toBe(0);
    expect(await db.prisma.pulseAnswer.count()).toBe(1);
  });

  it("only HR and admins may preview, launch, see results or close a pulse", async () => {
    const hana = await reachable(db, "Hana", { role: "hr" });
    const max = await reachable(db, "Max", { role: "manager" });
    const amy = await reachable(db, "Amy", { managerId: max.id });
    const admin = await reachable(db, "Ada", { role: "admin" });
    await openRound(hana.id);
    for (const person of [max, amy]) {
      expect((await refusal(previewPulse(ctx, draft(person.id)))).userMessage).toBe(
        "Sorry, only HR can run pulse surveys.",
      );
      expect((await refusal(launchPulse(ctx, { draft: draft(person.id), requestKey: `k-${person.id}` }))).code).toBe(
        "FORBIDDEN",
      );
      expect((await refusal(pulseResults(ctx, { actorId: person.id }))).userMessage).toBe(
        "Sorry, only HR can see pulse results.",
      );
      expect((await refusal(closePulseEarly(ctx, { actorId: person.id }))).code).toBe("FORBIDDEN");
    }
    expect((await pulseResults(ctx, { actorId: admin.id })).open).toBe(true);
    expect(await db.prisma.pulseSurvey.count()).toBe(1);
  });

  it("the same launch submitted twice creates one survey", async () => {
    const hana = await reachable(db, "Hana", { role: "hr" });
    await reachable(db, "Amy");
    const [first, second] = await Promise.all([
      launchPulse(ctx, { draft: draft(hana.id), requestKey: "same" }),
      launchPulse(ctx, { draft: draft(hana.id), requestKey: "same" }),
    ]);
    expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
    expect(first.surveyId).toBe(second.surveyId);
    expect(await db.prisma.pulseSurvey.count()).toBe(1);
  });
});
