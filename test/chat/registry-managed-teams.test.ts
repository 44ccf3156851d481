import { describe, expect, it } from 'vitest';
import type { ActionEvent } from '../../src/chat/events.js';
import { Registry } from '../../src/chat/registry.js';
import type { Caller } from '../../src/core/org/caller.js';
import { teamId } from '../../src/core/shared/ids.js';
import {
  FakeMemberRepository,
  FakeOrgRepository,
  FakeTeamRepository,
  makeMember,
  makeOrg,
  makeTeam,
} from '../core/fakes.js';

// The chat caller carries the teams a manager manages, looked up once where it is built.

const org = makeOrg({ chat: { platform: 'sandbox', workspaceId: 'ws-1' } });
const manager = makeMember('mgr', { roles: ['manager'] });
const rep = makeMember('rep', { roles: ['rep'] });

async function callerOf(member: typeof manager): Promise<Caller> {
  let seen: Caller | undefined;
  const registry = new Registry({
    orgs: new FakeOrgRepository([org]),
    members: new FakeMemberRepository([manager, rep]),
    teams: new FakeTeamRepository([
      makeTeam({ managerId: manager.id }),
      makeTeam({ id: teamId('team-2'), managerId: manager.id }),
      makeTeam({ id: teamId('team-3') }),
    ]),
    log: { error: () => undefined },
  }).onAction('test.click', async (ctx) => {
    seen = ctx.caller;
    return { replies: [] };
  });
  const click: ActionEvent = {
    type: 'action',
    eventId: 'e-1',
    user: { platform: 'sandbox', workspaceId: 'ws-1', userId: member.identities[0]?.userId ?? '' },
    actionId: 'test.click',
    value: 'v',
  };
  expect((await registry.dispatch(click)).ok).toBe(true);
  return seen!;
}

describe('the chat caller of a manager', () => {
  it('names every team whose managerId they are; a rep’s caller names none', async () => {
    expect((await callerOf(manager)).managedTeamIds).toEqual([teamId('team-1'), teamId('team-2')]);
    expect((await callerOf(rep)).managedTeamIds).toBeUndefined();
  });
});
