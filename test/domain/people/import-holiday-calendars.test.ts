// The people file's country and region columns: each person's holiday calendar, validated per line, all-or-nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parsePeopleCsv } from "../../../src/cli/people-csv.ts";
import { importPeople } from "../../../src/domain/people/import-people.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { domainContext } from "../../support/fixtures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(() => resetDatabase(db));

const calendars = async () =>
  Object.fromEntries(
    (await db.prisma.person.findMany({ select: { email: true, holidayCalendar: true } })).map((row) => [
      row.email,
      row.holidayCalendar,
    ]),
  );

describe("importing holiday calendars", () => {
  it("when rows give a country and a region, each person gets that calendar; an empty pair keeps what they have", async () => {
    const first = parsePeopleCsv(
      [
        "email,name,country,region",
        "ana@example.com,Ana,de,by",
        "ben@example.com,Ben,GB,ENG",
        "cy@example.com,Cy,US,",
      ].join("\n"),
    );
    expect(await importPeople(domainContext(db), first.rows)).toMatchObject({ created: 3, errors: [] });
    expect(await calendars()).toEqual({
      "ana@example.com": "DE-BY",
      "ben@example.com": "GB-ENG",
      "cy@example.com": "US",
    });

    const second = parsePeopleCsv(
      ["email,name,country,region", "ana@example.com,Ana,,", "ben@example.com,Ben,DE,BE"].join("\n"),
    );
    expect(await importPeople(domainContext(db), second.rows)).toMatchObject({ updated: 1, unchanged: 1, errors: [] });
    expect(await calendars()).toEqual({
      "ana@example.com": "DE-BY",
      "ben@example.com": "DE-BE",
      "cy@example.com": "US",
    });
  });

  it("when a code is unknown or a region has no country, every such line is reported with its number and nothing is imported", async () => {
    const file = parsePeopleCsv(
      [
        "email,name,country,region",
        "ana@example.com,Ana,DE,BY",
        "ben@example.com,Ben,XX,",
        "cy@example.com,Cy,DE,ZZ",
        "dee@example.com,Dee,,ENG",
      ].join("\n"),
    );
    const result = await importPeople(domainContext(db), file.rows);
    expect(result.errors).toEqual([
      { line: 3, message: expect.stringMatching(/^country\/region: "XX" isn't a holiday calendar I know/) },
      {
        line: 4,
        message: expect.stringMatching(
          /^country\/region: "DE-ZZ" isn't a holiday calendar I know\. Regions of Germany: /,
        ),
      },
      { line: 5, message: 'country/region: region "ENG" needs a country' },
    ]);
    expect(await db.prisma.person.count()).toBe(0);
  });
});
