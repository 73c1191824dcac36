// The Teams activity handler: routing only. Typed messages, card buttons and dialogs each go through their own
// registry (handlers/message-commands.ts, handlers/card-actions.ts, handlers/dialog-routes.ts); what no registry
// knows is refused there with a message.
import { TeamsActivityHandler, type TaskModuleRequest, type TaskModuleResponse, type TurnContext } from "botbuilder";
import { handleCardAction } from "./handlers/card-actions.ts";
import { fetchDialog, submitDialog } from "./handlers/dialog-routes.ts";
import type { TeamsHandlerDeps } from "./handlers/handler-deps.ts";
import { onAppInstalled, onMembersAdded } from "./handlers/installation.ts";
import { handleTextCommand } from "./handlers/message-commands.ts";
import { tellActorAboutError } from "./handlers/tell-actor.ts";

export class MomentumTeamsBot extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsHandlerDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await onAppInstalled(deps, context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await onMembersAdded(deps, context);
      await next();
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    try {
      // Teams may deliver a message again. Each write runs once per activity inside its use case's transaction
      // (handlers/once-per-activity.ts) and a redelivery of a done write answers nothing; a read is answered again.
      if (context.activity.value && !context.activity.text) await handleCardAction(this.deps, context);
      else await handleTextCommand(this.deps, context);
    } catch (error) {
      await tellActorAboutError(this.deps, context, error);
    }
  }

  protected override async handleTeamsTaskModuleFetch(
    context: TurnContext,
    request: TaskModuleRequest,
  ): Promise<TaskModuleResponse> {
    return fetchDialog(this.deps, context, request?.data);
  }

  protected override async handleTeamsTaskModuleSubmit(
    context: TurnContext,
    request: TaskModuleRequest,
  ): Promise<TaskModuleResponse> {
    // An empty response closes the dialog (botbuilder types it as always present).
    return (await submitDialog(this.deps, context, request?.data)) as TaskModuleResponse;
  }
}
