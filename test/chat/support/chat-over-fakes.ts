import { registerHandlers } from '../../../src/chat/handlers/register-handlers.js';
import { Registry } from '../../../src/chat/registry.js';
import type { Member } from '../../../src/core/org/types.js';
import { customerFakes } from '../../core/fake-customer-pending.js';
import { FakeOrgRepository } from '../../core/fakes.js';
import { leadWorld } from '../../core/lead-world.js';
import { fakeChatDrafts } from './fake-chat-drafts.js';
import { reportCardFakes } from './report-card-fakes.js';

let seq = 0;
const user = (member: Member) => ({
  platform: 'sandbox' as const,
  workspaceId: 'ws-1',
  userId: member.identities[0]!.userId,
});

/** Every chat handler registered over the core fakes: `type` a command or `click` a button as a member. */
export function chatOverFakes(world = leadWorld()) {
  const registry = registerHandlers(
    new Registry({
      orgs: new FakeOrgRepository([world.org]),
      members: world.deps.members,
      teams: world.deps.teams,
      log: { error: () => undefined },
    }),
    { ...world.deps, drafts: fakeChatDrafts(), ...customerFakes(world.leads), ...reportCardFakes() },
  );
  const click = (member: Member, actionId: string, value: string) =>
    registry.dispatch({ type: 'action', eventId: `t-${++seq}`, user: user(member), actionId, value });
  const type = (member: Member, command: string, args: readonly string[]) =>
    registry.dispatch({
      type: 'command',
      eventId: `t-${++seq}`,
      user: user(member),
      command,
      args: [...args],
      rawText: `/${command} ${args.join(' ')}`,
    });
  return { w: world, click, type };
}
