// `momentum teams package`: writes the Teams app package (zip) with this installation's app GUID, bot id and host,
// validated against Microsoft's schema, instead of editing manifests/teams by hand. The app GUID is made once and
// kept in the data directory, so every later package updates the same Teams app rather than adding a second one.
// It reads no database: it runs while the service is up.
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { buildTeamsPackage, Guid, PublicHost, TeamsManifestInvalid } from "../../platforms/teams/app-package.ts";
import { EXIT_FAILURE, EXIT_OK, UsageError, type CommandGroup, type OfflineCommand } from "../cli-context.ts";

export const TEAMS_HELP = `Usage: npm run momentum -- teams <command>

Commands:
  package --app-id MICROSOFT_APP_ID --host PUBLIC_HOST [--out momentum-teams.zip] [--print]
      Writes the Teams app package to upload (Teams → Apps → Manage your apps → Upload an app, or the Teams admin
      centre): manifest.json with the bot's Microsoft App ID (the Azure Bot's, the same as MICROSOFT_APP_ID) and
      your host (e.g. momentum.example.com, without https://) in validDomains, and both icons. The Teams app's own
      GUID is made on the first run and kept in MOMENTUM_DATA_DIR/teams-app.json: later packages update the same app.
      The manifest is checked against Microsoft's schema (v1.17) first. --print shows the manifest instead.`;

const APP_FILE = "teams-app.json";
const StoredApp = z.object({ appId: Guid });

interface PackageArgs {
  botId: string;
  host: string;
  out: string;
  print: boolean;
}

function parsePackageArgs(args: string[]): PackageArgs {
  const values: Record<string, string> = {};
  let print = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === "--print") {
      print = true;
      continue;
    }
    if (!["--app-id", "--host", "--out"].includes(arg)) throw new UsageError(`unknown argument ${arg}`);
    const value = args[index + 1];
    if (value === undefined || value.startsWith("--")) throw new UsageError(`${arg} needs a value`);
    values[arg] = value;
    index++;
  }
  if (!values["--app-id"]) throw new UsageError("--app-id is required: the Microsoft App ID of your Azure Bot");
  if (!values["--host"]) throw new UsageError("--host is required: the public host name Momentum is reached at");
  const botId = Guid.safeParse(values["--app-id"]);
  const host = PublicHost.safeParse(values["--host"]);
  const problems = [
    ...(botId.success ? [] : [`--app-id ${botId.error.issues[0].message}`]),
    ...(host.success ? [] : [`--host ${host.error.issues[0].message}`]),
  ];
  if (!botId.success || !host.success) throw new UsageError(problems.join("\n"));
  return { botId: botId.data, host: host.data, out: values["--out"] ?? "momentum-teams.zip", print };
}

/** The Teams app GUID of this installation: read from the data directory, or made and kept there. */
export function teamsAppId(dataDir: string): string {
  const path = join(resolve(dataDir), APP_FILE);
  if (existsSync(path)) {
    const stored = StoredApp.safeParse(JSON.parse(readFileSync(path, "utf8")));
    if (!stored.success) throw new Error(`${path} does not hold a Teams app GUID: fix or delete it`);
    return stored.data.appId;
  }
  mkdirSync(resolve(dataDir), { recursive: true });
  const appId = randomUUID();
  // "wx": never overwrite one made at the same moment by another run.
  writeFileSync(path, `${JSON.stringify({ appId }, null, 2)}\n`, { flag: "wx" });
  return appId;
}

function packageCommand(args: PackageArgs): OfflineCommand {
  return async (io) => {
    const appId = teamsAppId(io.config.database.dataDir);
    try {
      const built = await buildTeamsPackage({ appId, botId: args.botId, host: args.host });
      if (args.print) {
        io.out(JSON.stringify(built.manifest, null, 2));
        return EXIT_OK;
      }
      writeFileSync(args.out, built.zip);
      io.err(`Wrote ${resolve(args.out)} (Teams app ${appId}, bot ${args.botId}, host ${args.host}).`);
      io.err("Upload it in Teams (Apps → Manage your apps → Upload an app) or in the Teams admin centre.");
      return EXIT_OK;
    } catch (error) {
      if (!(error instanceof TeamsManifestInvalid)) throw error;
      io.err(error.message);
      return EXIT_FAILURE;
    }
  };
}

export const teamsCommands: CommandGroup = {
  name: "teams",
  summary: "build the Teams app package (zip) to upload",
  help: TEAMS_HELP,
  // runCli uses prepareWithoutDatabase when a group has it; nothing here needs the database.
  prepare() {
    throw new UsageError("teams commands run without the database");
  },
  prepareWithoutDatabase(args) {
    const [command, ...rest] = args;
    if (command === "package") return packageCommand(parsePackageArgs(rest));
    throw new UsageError(command ? `unknown teams command "${command}"` : "missing command");
  },
};
