import type { CloudAdapter } from "botbuilder";
import type { PlatformDeps } from "../../platform.ts";
import type { TeamsDirectoryDeps } from "../directory.ts";

/** What every Teams handler needs: the platform deps plus the adapter and app id for proactive sends. */
export interface TeamsHandlerDeps extends PlatformDeps {
  adapter: CloudAdapter;
  /** Empty in dev mode (no credentials). */
  appId: string;
  /** Roster reads and personal chats for reach (src/platforms/teams/directory.ts). */
  directory: TeamsDirectoryDeps;
}
