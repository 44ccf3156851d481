import type { MemberStatusData } from '../../core/org/member-status-notice.js';
import type { OutboundMessage } from '../card.js';
import type { Catalogue } from '../texts/catalogue.js';

export const SET_AVAILABILITY_ACTION = 'member.set_availability';

/**
 * The member's own status card: status first, then what drives routing, then the one button that flips it. Only a
 * member who receives leads (a rep) sees the quota and "会把新线索推送给你"; the others get a card about their role.
 */
export function memberStatusCard(data: MemberStatusData, texts: Catalogue): OutboundMessage {
  if (!data.receivesLeads) return roleCard(data, texts);
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

function roleCard(data: MemberStatusData, texts: Catalogue): OutboundMessage {
  const t = texts.memberStatus;
  const roles = data.roles.map((r) => texts.roles[r]).join('、');
  return {
    card: {
      title: t.title,
      status: roles,
      fields: [
        { label: t.role, value: roles },
        ...(data.teamName ? [{ label: t.team, value: data.teamName }] : []),
      ],
      ...(data.greeting ? { markdown: t.roleGreeting(data.name, roles) } : {}),
      buttons: [],
    },
  };
}
