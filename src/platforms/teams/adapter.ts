// Builds the botbuilder CloudAdapter from config. Inbound requests are JWT-validated by botbuilder whenever an
// app id is set; without one (TEAMS_DEV_MODE only) botbuilder accepts them unauthenticated.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from "botbuilder";
import type { Activity, InvokeResponse } from "botbuilder";
// botframework-connector is botbuilder's own dependency (same version); it is where AuthenticationError lives.
import { AuthenticationError } from "botframework-connector";
import type {
  AuthenticateRequestResult,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  ServiceClientCredentialsFactory,
} from "botframework-connector";
import type { Config } from "../../config/env.ts";
import type { Logger } from "../../shared/logger.ts";
import { logError, logWarning } from "../../shared/log-error.ts";

/** Outbound calls give up after this long; the outbox retries them later. */
export const CONNECTOR_TIMEOUT_MS = 10_000;

export interface TeamsAuthOverrides {
  /** Bot Framework endpoint settings (tests point ToBotFromChannelOpenIdMetadataUrl at a local JWKS). */
  settings?: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
  /** Outbound token source (tests return a fixed token; MSAL cannot be pointed at a local authority). */
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** How long an outbound Bot Connector call may take (tests shorten it to exercise timeouts). */
  connectorTimeoutMs?: number;
}

interface PipelineOwner {
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown; addPolicy(policy: unknown): void } };
}

/**
 * The connector client's default pipeline retries 429/5xx itself, sleeping through Retry-After while holding the
 * request. The outbox owns retries (with backoff, leases and the delivery log), so every connector client
 * Momentum uses gets no SDK retries and a request timeout instead.
 */
function tuneConnectorClient(client: ConnectorClient, timeoutMs: number): ConnectorClient {
  const pipeline = (client as unknown as PipelineOwner).client?.pipeline;
  if (pipeline) {
    pipeline.removePolicy({ name: "defaultRetryPolicy" });
    pipeline.addPolicy({
      name: "momentumTimeout",
      sendRequest: (request: { timeout: number }, next: (request: unknown) => Promise<unknown>) => {
        if (!request.timeout) request.timeout = timeoutMs;
        return next(request);
      },
    });
  }
  return client;
}

const TOKEN_ERRORS = new Set(["JsonWebTokenError", "TokenExpiredError", "NotBeforeError"]);

class MomentumBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    settings: ConfigurationBotFrameworkAuthenticationOptions,
    credentialsFactory: ServiceClientCredentialsFactory | undefined,
    private readonly timeoutMs: number,
  ) {
    super(settings, credentialsFactory);
  }

  /**
   * botbuilder answers 500 when jsonwebtoken itself rejects a token (a bad signature, a malformed token): those are
   * the caller's fault, so they become 401 like every other authentication failure. Network failures fetching
   * the signing keys stay 500: they are ours.
   */
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      // CloudAdapter answers 401 only for its own AuthenticationError class.
      if (error instanceof Error && TOKEN_ERRORS.has(error.name))
        throw new AuthenticationError(`token rejected: ${error.name}`, 401);
      throw error;
    }
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const inner = super.createConnectorFactory(claimsIdentity);
    return {
      create: async (serviceUrl: string, audience?: string) =>
        tuneConnectorClient(await inner.create(serviceUrl, audience), this.timeoutMs),
    } as ConnectorFactory;
  }
}

/**
 * botbuilder's CloudAdapter.process prints any failure of a turn with console.error (the error and its message,
 * which can quote the request) before answering 401 or 500. Answering those statuses here instead keeps the
 * failure in our logger, reduced to its safe fields, and the console quiet.
 */
class MomentumCloudAdapter extends CloudAdapter {
  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    private readonly logger: Logger,
  ) {
    super(auth);
  }

  override processActivity(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined>;
  override processActivity(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined>;
  override async processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    try {
      return await super.processActivity(auth as string, activity, logic);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        logWarning(this.logger, error, "a Teams request failed authentication");
        return { status: 401 };
      }
      logError(this.logger, error, "a Teams request failed");
      return { status: 500 };
    }
  }
}

export function createCloudAdapter(
  config: NonNullable<Config["teams"]>,
  logger: Logger,
  overrides: TeamsAuthOverrides = {},
): CloudAdapter {
  const settings: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.appId ?? "",
    MicrosoftAppPassword: config.appPassword ?? "",
    MicrosoftAppTenantId: config.tenantId ?? "",
    MicrosoftAppType: config.appType,
    ...overrides.settings,
  };
  const adapter = new MomentumCloudAdapter(
    new MomentumBotFrameworkAuthentication(
      settings,
      overrides.credentialsFactory,
      overrides.connectorTimeoutMs ?? CONNECTOR_TIMEOUT_MS,
    ),
    logger,
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // Only what helps debugging: never the message text or the activity body.
    logError(logger, error, "unhandled error in a Teams turn", {
      activityType: context.activity?.type,
      conversationType: context.activity?.conversation?.conversationType,
    });
    try {
      if (context.activity?.type === "message") {
        await context.sendActivity("Sorry, something went wrong on our side and nothing was saved. Please try again.");
      }
    } catch (sendError) {
      logWarning(logger, sendError, "could not tell the user about the error");
    }
  };
  return adapter;
}
