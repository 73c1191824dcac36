// Driving the check-in modal as Slack does: open it with /checkin, read what views.open received, submit its state.
import { expect } from "vitest";
import type { FakeSlackUser } from "../../support/fake-slack.ts";
import type { SlackHarness } from "../../support/slack.ts";

export interface Block {
  type: string;
  block_id?: string;
  optional?: boolean;
  elements?: { type: string; text?: string; action_id?: string; value?: string }[];
  element?: {
    type: string;
    action_id: string;
    initial_value?: string;
    initial_option?: { value: string };
    options?: { value: string }[];
  };
}

export interface ModalView {
  callback_id: string;
  private_metadata: string;
  submit: { text: string };
  blocks: Block[];
}

/** What the person picked and typed; null or missing is an untouched field. */
export interface Answers {
  mood?: string | null;
  progress?: string | null;
  plans?: string | null;
  blockers?: string | null;
  forManager?: string | null;
}

/** The view state Slack sends for the check-in modal. */
export function checkInState(input: Answers) {
  const text = (value: string | null | undefined) => ({ type: "plain_text_input", value: value ?? null });
  return {
    checkin_mood: { mood: { type: "radio_buttons", selected_option: input.mood ? { value: input.mood } : null } },
    checkin_progress: { progress: text(input.progress) },
    checkin_plans: { plans: text(input.plans) },
    checkin_blockers: { blockers: text(input.blockers) },
    checkin_for_manager: { for_manager: text(input.forManager) },
  };
}

export const shown = (view: ModalView) => JSON.stringify(view.blocks);
export const input = (view: ModalView, blockId: string) =>
  view.blocks.find((block) => block.block_id === blockId)!.element!;

export function checkInModalDriver(harness: SlackHarness) {
  const opened = () => harness.fake.sent("views.open");
  const lastOpenedView = () => opened().at(-1)!.args.view as ModalView;
  return {
    opened,
    lastOpenedView,
    /** Types /checkin as `as` and returns the modal Momentum opened. */
    async openWithCommand(as: FakeSlackUser): Promise<ModalView> {
      const before = opened().length;
      await harness.slack.command("/checkin", "", { as });
      await harness.service.settle();
      expect(opened()).toHaveLength(before + 1);
      return lastOpenedView();
    },
    async submit(view: ModalView, values: Answers, options: { as: FakeSlackUser; viewId?: string }) {
      const answer = await harness.slack.submitView({
        as: options.as,
        view,
        values: checkInState(values),
        viewId: options.viewId,
      });
      await harness.service.settle();
      return answer;
    },
  };
}
