import { type ClaimDeps, recordFollowUp } from '../../core/pools/index.js';
import { DomainError } from '../../core/shared/errors.js';
import type { CommandHandler } from '../registry.js';

/** `/followup LEAD text` (`/跟进`): the minimal follow-up that moves a lead to `following` and stops its clock. */
export function followUpCommand(deps: ClaimDeps): CommandHandler {
  return async (ctx, event) => {
    const [id, ...words] = event.args;
    if (!id || words.length === 0) throw new DomainError('BAD_COMMAND_ARGS', { command: 'followup' });
    await recordFollowUp(deps, ctx.caller, { leadId: id, text: words.join(' ') });
    return { replies: [{ text: ctx.texts.lead.followedUp }] };
  };
}
