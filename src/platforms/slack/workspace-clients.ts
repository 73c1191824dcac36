// Which Web API client (which bot token) a Slack call uses. With a single SLACK_BOT_TOKEN every call uses it; with
// OAuth installs each workspace (or Grid org) has its own token, so a call must use the token of the workspace the
// person or channel belongs to: listeners get the client Bolt's authorize built for the request, the outbox and the
// directory ask for a workspace's client by team id.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Middleware, AnyMiddlewareArgs } from "@slack/bolt";
import { createWebClient, type WebClient, type WebClientOptions } from "./web-client.ts";

export interface WorkspaceClient {
  /** The workspace (or Grid org) this token serves, for logs and rate buckets: never the token. */
  label: string;
  client: WebClient;
  /** The workspace to list (users.list `team_id`), needed when the token is a Grid org's. */
  teamId?: string;
}

export interface SlackWorkspaceClients {
  /** The client for a workspace's people and channels; null when Momentum has no token for it (uninstalled). */
  forTeam(teamId: string): Promise<WebClient | null>;
  /** One client per installation (the directory sync reads each workspace). */
  all(): Promise<WorkspaceClient[]>;
}

export function singleTokenClients(client: WebClient): SlackWorkspaceClients {
  return { forTeam: async () => client, all: async () => [{ label: "workspace", client }] };
}

/** Caches one WebClient per token, so an installation's client keeps its connection pool across calls. */
export function clientCache(options: WebClientOptions): (token: string) => WebClient {
  const clients = new Map<string, WebClient>();
  return (token) => {
    let client = clients.get(token);
    if (!client) {
      client = createWebClient(token, options);
      clients.set(token, client);
    }
    return client;
  };
}

const requestClient = new AsyncLocalStorage<WebClient>();

/** Runs the rest of a request's middleware and listeners with the client Bolt built from its authorization. */
export const withRequestClient: Middleware<AnyMiddlewareArgs> = async ({ client, next }) =>
  requestClient.run(client, next);

/**
 * The `client` listeners use: the current request's client (its workspace's token), else `fallback` (single-token
 * mode). Listeners keep calling `deps.client.chat.postMessage(...)` and always reach the right workspace.
 */
export function requestScopedClient(fallback: WebClient | undefined): WebClient {
  const current = (): WebClient => {
    const client = requestClient.getStore() ?? fallback;
    if (!client) throw new Error("a Slack call outside a request needs a workspace's client (OAuth mode)");
    return client;
  };
  return new Proxy({} as WebClient, {
    get(_target, property) {
      const client = current();
      const value = Reflect.get(client, property, client) as unknown;
      return typeof value === "function" ? value.bind(client) : value;
    },
  });
}
