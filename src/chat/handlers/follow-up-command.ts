import { type FollowUpDeps, recordFollowUp } from '../../core/follow-ups/index.js';
import { DomainError } from '../../core/shared/errors.js';
import type { CommandHandler } from '../registry.js';

/**
 * `/followup LEAD text` (`/跟进`): the text is the follow-up's content; a field the open lead still needs (channel,
 * next contact time) is named in the refusal. The one-line grammar and the guided exchange replace this.
 */
export function followUpCommand(deps: FollowUpDeps): CommandHandler {
  return async (ctx, event) => {
    const [id, ...words] = event.args;
    if (!id || words.length === 0) throw new DomainError('BAD_COMMAND_ARGS', { command: 'followup' });
    await recordFollowUp(deps, ctx.caller, { leadId: id, content: words.join(' ') });
    return { replies: [{ text: ctx.texts.lead.followedUp }] };
  };
}
