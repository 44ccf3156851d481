import type { App, ViewSubmitAction } from '@slack/bolt';
import type { OutboundMessage } from '../../chat/card.js';
import { dispatchAndReply } from '../../chat/dispatch-and-reply.js';
import type { DispatchResult } from '../../chat/registry.js';
import { submitEventFrom } from './parse-slack-events.js';
import type { SlackListenerDeps } from './slack-listeners.js';

/**
 * After a click or a slash command was handled: a form the handler asked for is opened as a modal. The trigger_id
 * expires 3 s after the click, which is why handlers that answer with a form do so before any slower work.
 */
export function openFormAfter(deps: SlackListenerDeps, triggerId: string | undefined) {
  return async (result: DispatchResult): Promise<void> => {
    if (result.form && triggerId) await deps.adapter.openForm(triggerId, result.form);
  };
}

/**
 * Submitted modals. Slack wants a refusal inside the HTTP response itself, within 3 s
 * (https://docs.slack.dev/surfaces/modals#displaying_errors), so a submission is dispatched before the ack: what
 * is wrong goes back as `response_action: errors` by block id (the form's field ids) and the modal stays open; a good
 * one is acked (the modal closes) and only then is the receipt sent to the member's DM.
 */
export function registerSlackFormListeners(app: App, deps: SlackListenerDeps): void {
  app.view<ViewSubmitAction>({ type: 'view_submission', callback_id: /.*/u }, async ({ ack, body }) => {
    const event = submitEventFrom(body);
    const held: [OutboundMessage, string][] = [];
    let result: DispatchResult;
    try {
      result = await dispatchAndReply(deps, event, async (reply, key) => void held.push([reply, key]));
    } catch (error) {
      deps.log.error(
        { err: error, platform: 'slack', eventId: event.eventId },
        'slack form submission failed',
      );
      return ack();
    }
    if (result.fieldErrors) return ack({ response_action: 'errors', errors: { ...result.fieldErrors } });
    await ack();
    const dm = { kind: 'dm', userId: event.user.userId } as const;
    deps.background.run(async () => {
      for (const [reply, key] of held) await deps.adapter.send(event.user.workspaceId, dm, reply, key);
    });
  });
}
