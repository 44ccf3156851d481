import type { MemberStatusData } from '../../core/org/member-status-notice.js';
import type { OutboundMessage } from '../card.js';
import type { Catalogue } from '../texts/catalogue.js';

export const SET_AVAILABILITY_ACTION = 'member.set_availability';

/** The member's own status card: status first, then what drives routing, then the one button that flips it. */
export function memberStatusCard(data: MemberStatusData, texts: Catalogue): OutboundMessage {
  const t = texts.memberStatus;
  const onLeave = data.availability === 'on_leave';
  return {
    card: {
      title: t.title,
      status: onLeave ? t.onLeave : t.available,
      fields: [
        { label: t.team, value: data.teamName ?? t.noTeam },
        { label: t.level, value: texts.levels[data.level] },
        { label: t.dailyCap, value: String(data.dailyCap) },
      ],
      ...(data.greeting ? { markdown: t.greeting(data.name) } : {}),
      buttons: [
        onLeave
          ? { actionId: SET_AVAILABILITY_ACTION, label: t.backToWork, value: 'available', style: 'primary' }
          : { actionId: SET_AVAILABILITY_ACTION, label: t.goOnLeave, value: 'on_leave' },
      ],
    },
  };
}
