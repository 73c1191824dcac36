// The HR file format: CSV with a header naming the columns in any order. Parsing is csv-parse (quoted fields,
// commas and line breaks inside quotes, BOM, CRLF); this file only maps records to rows and keeps line numbers,
// so every problem can point at the line HR sees in their editor.
import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { ExportedPerson } from "../domain/people/export-people.ts";
import type { ImportError } from "../domain/people/import-people.ts";
import {
  PEOPLE_FILE_COLUMNS,
  REQUIRED_PEOPLE_FILE_COLUMNS,
  type PeopleFileColumn,
  type PersonImportRow,
} from "../domain/people/people.schemas.ts";

export interface ParsedPeopleFile {
  rows: PersonImportRow[];
  /** Problems with the file's shape. With a broken header or quoting there are no rows; lines with the wrong
   * number of fields are left out of `rows` and listed here, so the import reports them with every other problem. */
  errors: ImportError[];
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

const EXPECTED_HEADER = PEOPLE_FILE_COLUMNS.join(",");

export function parsePeopleCsv(text: string | Buffer): ParsedPeopleFile {
  let records: ParsedRecord[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (error instanceof CsvError)
      return { rows: [], errors: [{ line: failingLine(text, error), message: describeCsvError(error) }] };
    throw error;
  }
  const [header, ...body] = records;
  if (!header)
    return {
      rows: [],
      errors: [{ line: 1, message: `the file is empty: its first line must be the header ${EXPECTED_HEADER}` }],
    };

  const headerLine = firstLineOf(header);
  const columns = header.record.map((name) => name.trim().toLowerCase());
  const headerErrors = checkHeader(columns).map((message) => ({ line: headerLine, message }));
  if (headerErrors.length > 0) return { rows: [], errors: headerErrors };

  const position = new Map(columns.map((name, index) => [name as PeopleFileColumn, index]));
  const rows: PersonImportRow[] = [];
  const errors: ImportError[] = [];
  for (const entry of body) {
    const line = firstLineOf(entry);
    // Spreadsheets often save trailing rows of bare commas; they are not people.
    if (entry.record.every((field) => field.trim() === "")) continue;
    if (entry.record.length !== columns.length) {
      errors.push({
        line,
        message: `expected ${columns.length} fields (${columns.join(",")}) but found ${entry.record.length}; put a value containing a comma in double quotes`,
      });
      continue;
    }
    const cell = (column: PeopleFileColumn) => {
      const index = position.get(column);
      return index === undefined ? undefined : entry.record[index];
    };
    rows.push({
      line,
      email: cell("email") ?? "",
      name: cell("name") ?? "",
      managerEmail: cell("manager_email"),
      role: cell("role"),
      timeZone: cell("timezone"),
      country: cell("country"),
      region: cell("region"),
    });
  }
  return { rows, errors };
}

function checkHeader(columns: string[]): string[] {
  const problems: string[] = [];
  const known = new Set<string>(PEOPLE_FILE_COLUMNS);
  const seen = new Set<string>();
  for (const column of columns) {
    if (!known.has(column))
      problems.push(`unknown column ${JSON.stringify(column)} in the header; the columns are ${EXPECTED_HEADER}`);
    else if (seen.has(column)) problems.push(`column ${JSON.stringify(column)} appears twice in the header`);
    seen.add(column);
  }
  const missing = REQUIRED_PEOPLE_FILE_COLUMNS.filter((column) => !seen.has(column));
  if (missing.length > 0) {
    problems.push(
      `the header has no ${missing.join(" or ")} column: the first line must name the columns, e.g. ${EXPECTED_HEADER}`,
    );
  }
  return problems;
}

/** csv-parse counts the line a record ends on; a quoted field with line breaks starts that many lines earlier. */
function firstLineOf(entry: ParsedRecord): number {
  const breaks = entry.record.reduce((count, field) => count + (field.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
  return entry.info.lines - breaks;
}

/** csv-parse reports where it gave up (often the end of the file); HR needs the line the broken record starts on. */
function failingLine(text: string | Buffer, error: CsvError): number {
  const parsedBytes = Number(error.bytes_records);
  if (!Number.isFinite(parsedBytes)) return Number(error.lines) || 1;
  const parsed = (typeof text === "string" ? Buffer.from(text) : text).subarray(0, parsedBytes);
  let breaks = 0;
  for (const byte of parsed) if (byte === 0x0a) breaks += 1;
  return breaks + 1;
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return 'a double quote opens a field that is never closed; close it, or write a quote inside a field as ""';
    case "CSV_INVALID_CLOSING_QUOTE":
      return 'a quoted field has text after its closing quote; write a quote inside a field as ""';
    default:
      return `the file is not valid CSV (${error.message})`;
  }
}

/** The export: same columns as the import takes, header first. */
export function stringifyPeopleCsv(people: ExportedPerson[]): string {
  return stringify(
    people.map((person) => {
      const [country = "", region = ""] = (person.holidayCalendar ?? "").split("-");
      return [person.email, person.name, person.managerEmail ?? "", person.role, person.timeZone, country, region];
    }),
    { header: true, columns: [...PEOPLE_FILE_COLUMNS], record_delimiter: "unix" },
  );
}
