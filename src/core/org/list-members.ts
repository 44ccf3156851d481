import type { Caller } from './caller.js';
import { assertCan } from './permissions.js';
import type { MemberRepository } from './ports.js';
import type { Member } from './types.js';

/** The org's members, for the API and the sandbox's "who are you" list. Identities stay inside. */
export async function listMembers(deps: { members: MemberRepository }, caller: Caller): Promise<Member[]> {
  assertCan(caller, 'member.list');
  return deps.members.list(caller.org.id);
}
