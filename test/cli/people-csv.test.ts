import { describe, expect, it } from "vitest";
import { parsePeopleCsv, stringifyPeopleCsv } from "../../src/cli/people-csv.ts";

describe("reading the HR file", () => {
  it("when names hold commas and quotes inside double quotes, they are read whole", () => {
    const file =
      'email,name\nann@example.com,"Smith, Ann"\nsean@example.com,"Sean ""Junior"" O\'Neil"\nkim@example.com,Kim O"Hara\n';

    expect(parsePeopleCsv(file)).toEqual({
      rows: [
        {
          line: 2,
          email: "ann@example.com",
          name: "Smith, Ann",
          managerEmail: undefined,
          role: undefined,
          timeZone: undefined,
        },
        {
          line: 3,
          email: "sean@example.com",
          name: 'Sean "Junior" O\'Neil',
          managerEmail: undefined,
          role: undefined,
          timeZone: undefined,
        },
        {
          line: 4,
          email: "kim@example.com",
          name: 'Kim O"Hara',
          managerEmail: undefined,
          role: undefined,
          timeZone: undefined,
        },
      ],
      errors: [],
    });
  });

  it("when the file was saved by Excel with a BOM and CRLF line ends, the header and values are clean", () => {
    const file = "\uFEFFEmail,Name,Manager_Email,Role,TimeZone\r\nann@example.com,Ann,,hr,Europe/Berlin\r\n";

    expect(parsePeopleCsv(Buffer.from(file)).rows).toEqual([
      { line: 2, email: "ann@example.com", name: "Ann", managerEmail: "", role: "hr", timeZone: "Europe/Berlin" },
    ]);
  });

  it("when columns come in another order, each value goes to its column", () => {
    const file = "timezone,role,name,manager_email,email\nAsia/Tokyo,manager,Ken,boss@example.com,ken@example.com\n";

    expect(parsePeopleCsv(file).rows).toEqual([
      {
        line: 2,
        email: "ken@example.com",
        name: "Ken",
        managerEmail: "boss@example.com",
        role: "manager",
        timeZone: "Asia/Tokyo",
      },
    ]);
  });

  it("when a quoted name spans lines and blank lines sit between rows, line numbers still match the file", () => {
    const file = 'email,name\n\nann@example.com,"Ann\nSecond line"\nbob@example.com,Bob\n,\n';

    const parsed = parsePeopleCsv(file);

    expect(parsed.rows.map((row) => [row.line, row.email])).toEqual([
      [3, "ann@example.com"],
      [5, "bob@example.com"],
    ]);
    expect(parsed.errors).toEqual([]);
  });

  it("when a row has too many fields, that line is reported and the others are still read", () => {
    const file = "email,name\nann@example.com,Smith, Ann\nbob@example.com,Bob\n";

    const parsed = parsePeopleCsv(file);

    expect(parsed.errors).toEqual([
      {
        line: 2,
        message: "expected 2 fields (email,name) but found 3; put a value containing a comma in double quotes",
      },
    ]);
    expect(parsed.rows.map((row) => row.email)).toEqual(["bob@example.com"]);
  });

  it("when a quote is never closed, the line where the broken row starts is reported", () => {
    const parsed = parsePeopleCsv(
      '\uFEFFemail,name\r\nann@example.com,Ann\r\nbob@example.com,"Bob\r\ncat@example.com,Cat\r\n',
    );

    expect(parsed).toEqual({
      rows: [],
      errors: [
        {
          line: 3,
          message: 'a double quote opens a field that is never closed; close it, or write a quote inside a field as ""',
        },
      ],
    });
  });

  it("when the header is missing or names unknown columns, it says which columns are expected", () => {
    expect(parsePeopleCsv("ann@example.com,Ann\n").errors).toEqual([
      {
        line: 1,
        message:
          'unknown column "ann@example.com" in the header; the columns are email,name,manager_email,role,timezone,country,region',
      },
      {
        line: 1,
        message:
          'unknown column "ann" in the header; the columns are email,name,manager_email,role,timezone,country,region',
      },
      {
        line: 1,
        message:
          "the header has no email or name column: the first line must name the columns, e.g. email,name,manager_email,role,timezone,country,region",
      },
    ]);
    expect(parsePeopleCsv("").errors).toEqual([
      {
        line: 1,
        message:
          "the file is empty: its first line must be the header email,name,manager_email,role,timezone,country,region",
      },
    ]);
    expect(parsePeopleCsv("email,name,email\n").errors).toEqual([
      { line: 1, message: 'column "email" appears twice in the header' },
    ]);
  });
});

describe("writing the HR file", () => {
  it("quotes values with commas and quotes so the file reads back to the same rows", () => {
    const people = [
      {
        email: "ann@example.com",
        name: 'Smith, Ann "The Boss"',
        managerEmail: null,
        role: "admin" as const,
        timeZone: "Europe/Berlin",
        holidayCalendar: "DE-BE",
      },
      {
        email: "bob@example.com",
        name: "Bob",
        managerEmail: "ann@example.com",
        role: "employee" as const,
        timeZone: "UTC",
        holidayCalendar: null,
      },
    ];

    const csv = stringifyPeopleCsv(people);

    expect(csv.split("\n")[0]).toBe("email,name,manager_email,role,timezone,country,region");
    expect(parsePeopleCsv(csv).rows).toEqual([
      {
        line: 2,
        email: "ann@example.com",
        name: 'Smith, Ann "The Boss"',
        managerEmail: "",
        role: "admin",
        timeZone: "Europe/Berlin",
        country: "DE",
        region: "BE",
      },
      {
        line: 3,
        email: "bob@example.com",
        name: "Bob",
        managerEmail: "ann@example.com",
        role: "employee",
        timeZone: "UTC",
        country: "",
        region: "",
      },
    ]);
  });
});
