import { decideLink, type LinkDeps, requestLink } from '../../core/org/index.js';
import { PLATFORMS, type Platform } from '../../core/org/types.js';
import { DomainError } from '../../core/shared/errors.js';
import { memberId } from '../../core/shared/ids.js';
import type { ActionHandler, UnlinkedCommandHandler } from '../registry.js';

/** `/link 张伟` (`/绑定`) from a chat user no member is linked to yet: asks the admins to approve. */
export function linkCommand(deps: LinkDeps): UnlinkedCommandHandler {
  return async ({ caller, texts }, event) => {
    const member = await requestLink(deps, caller, {
      user: { platform: event.user.platform, userId: event.user.userId },
      name: event.args.join(' '),
    });
    return { replies: [{ text: texts.link.requested(member.name) }] };
  };
}

/** The admin's Approve / Reject on a link request card. */
export function decideLinkAction(deps: LinkDeps, approve: boolean): ActionHandler {
  return async ({ caller, texts }, event) => {
    const [id = '', platform = '', userId = ''] = event.value.split('|');
    if (!(PLATFORMS as readonly string[]).includes(platform) || !userId) {
      throw new DomainError('UNKNOWN_ACTION', { actionId: event.actionId });
    }
    await decideLink(deps, caller, {
      request: { memberId: memberId(id), platform: platform as Platform, userId },
      approve,
    });
    return { replies: [{ text: texts.link.done }] };
  };
}
