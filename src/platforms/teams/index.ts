// PLACEHOLDER until the Teams adapter lands (replaced wholesale).
import type { Config } from "../../config/env.ts";
import type { PlatformDeps, PlatformModule } from "../platform.ts";
export interface TeamsOverrides {}
export async function createTeamsPlatform(_deps: PlatformDeps, _config: NonNullable<Config["teams"]>, _overrides?: TeamsOverrides): Promise<PlatformModule> {
  throw new Error("Teams adapter not built yet");
}
