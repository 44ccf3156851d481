import { z } from 'zod';
import { DomainError } from '../shared/errors.js';
import { textField } from '../shared/text-field.js';
import { parseInput } from '../shared/validate.js';
import type { Caller } from './caller.js';
import { assertCan } from './permissions.js';
import type { MemberRepository, OrgRepository, TeamRepository } from './ports.js';
import { type Org, PLATFORMS } from './types.js';

export type ConnectChatDeps = { orgs: OrgRepository; teams: TeamRepository; members: MemberRepository };

const chatSchema = z.strictObject({
  platform: z.enum(PLATFORMS),
  /** Slack team id (T…), DingTalk corpId, WeCom corp id: what inbound events name. */
  workspaceId: textField().trim().min(1).max(100),
});

/** Moves the org to a chat workspace (one write); a workspace already taken by another org is a conflict. */
export async function connectChat(
  deps: ConnectChatDeps,
  caller: Caller,
  input: { readonly chat: unknown },
): Promise<Org> {
  assertCan(caller, 'org.configure');
  const chat = parseInput(chatSchema, input.chat);
  const org = await deps.orgs.setChat(caller.org.id, chat);
  if (!org) throw new DomainError('ORG_NOT_FOUND', { orgId: caller.org.id });
  return org;
}
