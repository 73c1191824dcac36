// PLACEHOLDER until the Slack adapter lands (replaced wholesale).
import type { Config } from "../../config/env.ts";
import type { PlatformDeps, PlatformModule } from "../platform.ts";
export interface SlackOverrides {}
export async function createSlackPlatform(_deps: PlatformDeps, _config: NonNullable<Config["slack"]>, _overrides?: SlackOverrides): Promise<PlatformModule> {
  throw new Error("Slack adapter not built yet");
}
