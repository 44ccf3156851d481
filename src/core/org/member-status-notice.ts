import type { MemberId } from '../shared/ids.js';
import type { Notice } from '../shared/notices.js';
import type { Level, Member, Role, Team } from './types.js';

export type MemberStatusData = {
  readonly memberId: MemberId;
  readonly name: string;
  readonly teamName?: string;
  readonly level: Level;
  readonly dailyCap: number;
  readonly availability: 'available' | 'on_leave';
  /** Routing gives leads to reps only (see route-lead.ts); the others get a card about their role, no quota. */
  readonly receivesLeads: boolean;
  readonly roles: readonly Role[];
  readonly changedBy?: string;
  /** The first card a member gets also says hello and explains what the bot does. */
  readonly greeting?: boolean;
};

declare module '../shared/notices.js' {
  interface NoticeDataByKind {
    'member.status': MemberStatusData;
  }
}

/** The card that shows a member their own status; every change updates it in place. */
export function memberStatusNotice(
  member: Member,
  team: Team | undefined,
  dailyCap: number,
  mode: 'post' | 'update',
  stamp: string,
  greeting = false,
): Notice<'member.status'> {
  return {
    kind: 'member.status',
    to: { kind: 'member', memberId: member.id },
    cardKey: `member-status:${member.id}`,
    mode,
    idempotencyKey: `member-status:${member.id}:${mode}:${stamp}`,
    data: {
      memberId: member.id,
      name: member.name,
      ...(team ? { teamName: team.name } : {}),
      level: member.level,
      dailyCap,
      availability: member.availability,
      receivesLeads: member.roles.includes('rep'),
      roles: member.roles,
      ...(greeting ? { greeting } : {}),
    },
  };
}
