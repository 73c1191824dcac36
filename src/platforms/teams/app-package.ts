// The Teams app package (the zip an admin uploads): manifests/teams/manifest.json with the app's own GUID, the bot's
// Microsoft App ID and the public host filled in, checked against Microsoft's published manifest schema (v1.17,
// vendored in manifests/teams/schema/ so the check runs offline), zipped with both icons at the zip's root.
import { readFileSync } from "node:fs";
import { AppManifestUtils } from "@microsoft/app-manifest";
import { zipSync } from "fflate";
import { z } from "zod";

const TEAMS_DIR = new URL("../../../manifests/teams/", import.meta.url);
const SCHEMA_FILE = new URL("schema/MicrosoftTeams.v1.17.schema.json", TEAMS_DIR);

/** Teams' own domain for the bot's sign-in pages; kept first in validDomains. */
const BOTFRAMEWORK_DOMAIN = "token.botframework.com";
const NIL_GUID = "00000000-0000-0000-0000-000000000000";

export const Guid = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be a GUID such as 1b2c3d4e-…")
  .refine((value) => value !== NIL_GUID, "must be your own GUID, not the all-zero placeholder")
  .transform((value) => value.toLowerCase());

/** A host name as Teams' validDomains wants it: no scheme, no path, no port (a leading `*.` wildcard is allowed). */
export const PublicHost = z
  .string()
  .trim()
  .toLowerCase()
  .refine(
    (value) => !/^[a-z][a-z0-9+.-]*:\/\//.test(value),
    "must be a host name without https:// (e.g. momentum.example.com)",
  )
  .refine((value) => !/[/?#]/.test(value), "must be a host name without a path (e.g. momentum.example.com)")
  .refine(
    (value) =>
      /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/.test(value) && value.length <= 253,
    "must be a public host name such as momentum.example.com (no port)",
  );

export interface TeamsPackageInput {
  /** The Teams app's own id (stable across updates of the package). */
  appId: string;
  /** The Microsoft App ID of the Azure Bot registration (MICROSOFT_APP_ID). */
  botId: string;
  /** Where Momentum is reached (PUBLIC_URL's host). */
  host: string;
}

export interface TeamsPackage {
  manifest: Record<string, unknown>;
  zip: Uint8Array;
}

/** The manifest with this installation's ids and host: manifests/teams/manifest.json is only the template. */
export function teamsManifest(input: TeamsPackageInput): Record<string, unknown> {
  const template = JSON.parse(readFileSync(new URL("manifest.json", TEAMS_DIR), "utf8")) as {
    bots: Record<string, unknown>[];
    validDomains?: string[];
  } & Record<string, unknown>;
  const domains = [BOTFRAMEWORK_DOMAIN, ...(template.validDomains ?? []), input.host];
  return {
    ...template,
    id: input.appId,
    bots: template.bots.map((bot) => ({ ...bot, botId: input.botId })),
    validDomains: [...new Set(domains)],
  };
}

/** Microsoft's schema errors for the manifest, as readable lines (none when it is valid). */
export async function manifestProblems(manifest: Record<string, unknown>): Promise<string[]> {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as Record<string, unknown>;
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as never, schema as never);
  return errors.map(String);
}

/** Builds, validates and zips the package; throws with the schema's complaints if the manifest is not valid. */
export async function buildTeamsPackage(input: TeamsPackageInput): Promise<TeamsPackage> {
  const manifest = teamsManifest(input);
  const problems = await manifestProblems(manifest);
  if (problems.length > 0) throw new TeamsManifestInvalid(problems);
  const icons = manifest.icons as { color: string; outline: string };
  const zip = zipSync(
    {
      "manifest.json": new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
      [icons.color]: readFileSync(new URL(icons.color, TEAMS_DIR)),
      [icons.outline]: readFileSync(new URL(icons.outline, TEAMS_DIR)),
    },
    { level: 9 },
  );
  return { manifest, zip };
}

export class TeamsManifestInvalid extends Error {
  constructor(readonly problems: string[]) {
    super(`the Teams manifest does not match Microsoft's schema:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "TeamsManifestInvalid";
  }
}
