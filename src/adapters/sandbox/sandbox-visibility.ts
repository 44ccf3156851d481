import type { Member, Team } from '../../core/org/types.js';
import { channelConversation, dmConversation } from './sandbox-store.js';

/** The conversations a member sees in the sandbox: their DM with the bot and the channels of their teams. */
export function visibleConversations(member: Member, teams: readonly Team[]): string[] {
  const seesAllTeams = member.roles.includes('admin') || member.roles.includes('director');
  const channels = teams
    .filter((team) => seesAllTeams || team.id === member.teamId || team.managerId === member.id)
    .map((team) => channelConversation(team.channelId));
  const userId = member.identities.find((i) => i.platform === 'sandbox')?.userId ?? member.id;
  return [dmConversation(userId), ...channels];
}
