import { z } from 'zod';
import { type AuditDeps, recordAudit } from '../audit/index.js';
import { DomainError } from '../shared/errors.js';
import type { MemberId } from '../shared/ids.js';
import { textField } from '../shared/text-field.js';
import { parseInput } from '../shared/validate.js';
import type { Caller } from './caller.js';
import type { ConnectChatDeps } from './connect-chat.js';
import { assertCan } from './permissions.js';
import { type Member, PLATFORMS } from './types.js';

const identitiesSchema = z.strictObject({
  identities: z
    .array(z.strictObject({ platform: z.enum(PLATFORMS), userId: textField().trim().min(1).max(100) }))
    .max(PLATFORMS.length),
});

/**
 * Sets a member's chat user ids (configured identity): clicks and commands from those users act as this member.
 * A user id already held by another member of the org is a conflict, named in the answer.
 */
export async function setIdentities(
  deps: ConnectChatDeps & AuditDeps,
  caller: Caller,
  input: { readonly memberId: MemberId; readonly identities: unknown },
): Promise<Member> {
  assertCan(caller, 'org.configure');
  const id = input.memberId;
  const { identities } = parseInput(identitiesSchema, input.identities);
  for (const identity of identities) {
    const holder = await deps.members.findByIdentity(caller.org.id, identity.platform, identity.userId);
    if (holder && holder.id !== id) {
      throw new DomainError('CONFLICT', { field: 'identities', heldBy: holder.id, ...identity });
    }
  }
  const member = await deps.members.setIdentities(caller.org.id, id, identities);
  if (!member) throw new DomainError('MEMBER_NOT_FOUND', { memberId: id });
  const target = { type: 'member', id, label: member.name };
  await recordAudit(deps, caller, { kind: 'member.identities', target, after: { identities } });
  return member;
}
