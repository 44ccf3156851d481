import type { OffboardingPreview, OffboardingResult } from '../../core/offboarding/index.js';
import type { Member } from '../../core/org/index.js';
import type { OutboundMessage } from '../card.js';
import type { Catalogue } from '../texts/catalogue.js';

/** The offboarding buttons: yes / no on the confirmation, and a choice among members of the same name. */
export const OFFBOARD_ACTIONS = {
  confirm: 'member.leave_confirm',
  cancel: 'member.leave_cancel',
  pick: 'member.leave_pick',
} as const;

/** `leaverId|leadsTo` (a member id or `pool`): what the confirmation's yes does, decided before it was shown. */
export const confirmValue = (leaverId: string, leadsTo: string) => `${leaverId}|${leadsTo}`;

/** "确认：张伟离职，28 条线索交给李娜，3 个任务交给许亮？" with 确认 / 取消: a bulk action needs an explicit yes. */
export function offboardConfirmCard(p: OffboardingPreview, texts: Catalogue): OutboundMessage {
  const t = texts.offboarding;
  const leadsTo = p.receiver ? p.receiver.memberId : 'pool';
  return {
    card: {
      title: t.confirm({
        leaver: p.name,
        leads: p.leadCount,
        ...(p.receiver ? { receiver: p.receiver.name } : {}),
        tasks: p.taskCount,
        ...(p.tasksTo ? { tasksTo: p.tasksTo.name } : {}),
      }),
      fields: [],
      buttons: [
        {
          actionId: OFFBOARD_ACTIONS.confirm,
          label: t.confirmButton,
          value: confirmValue(p.memberId, leadsTo),
          style: 'danger',
        },
        { actionId: OFFBOARD_ACTIONS.cancel, label: t.cancelButton, value: p.memberId },
      ],
    },
  };
}

/** The result, to the admin who confirmed. */
export function offboardResultMessage(r: OffboardingResult, texts: Catalogue): OutboundMessage {
  return {
    text: texts.offboarding.done({
      leaver: r.name,
      leads: r.leadsMoved,
      ...(r.leadsTo.name ? { receiver: r.leadsTo.name } : {}),
      tasks: r.tasksMoved,
      ...(r.tasksTo ? { tasksTo: r.tasksTo.name } : {}),
      tasksLeft: r.tasksLeft,
      tokens: r.tokensRevoked,
      identities: r.identitiesUnlinked,
      resumed: r.resumed,
    }),
  };
}

/**
 * Several active members share the typed name: which one? One button each, named by their team, carrying the
 * choice and the rest of the command (`role|chosenId|other`), so the answer continues where the command stopped.
 */
export function offboardPickCard(
  role: 'leaver' | 'receiver',
  name: string,
  matches: readonly { member: Member; teamName?: string }[],
  other: string,
  texts: Catalogue,
): OutboundMessage {
  return {
    card: {
      title: texts.offboarding.whichOne(name),
      fields: [],
      buttons: matches.map(({ member, teamName }) => ({
        actionId: OFFBOARD_ACTIONS.pick,
        label: [member.name, teamName ?? texts.roles[member.roles[0] ?? 'rep']].join(' · '),
        value: `${role}|${member.id}|${other}`,
      })),
    },
  };
}
