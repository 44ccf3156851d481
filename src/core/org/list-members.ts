import type { Actor } from './caller.js';
import { assertCan } from './permissions.js';
import type { MemberRepository } from './ports.js';
import type { Member } from './types.js';

/** The org's members, for the API and the sandbox's "who are you" list. Identities stay inside. */
export async function listMembers(deps: { members: MemberRepository }, actor: Actor): Promise<Member[]> {
  assertCan(actor, 'member.list');
  return deps.members.list(actor.orgId);
}
