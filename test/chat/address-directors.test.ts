import { describe, expect, it } from 'vitest';
import { addressDirectors } from '../../src/chat/outbox/address-directors.js';
import { leadApprovalCard } from '../../src/chat/render/lead-approval-card.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import type { Member } from '../../src/core/org/types.js';
import { leadId, type MemberId, orgId, type TeamId } from '../../src/core/shared/ids.js';
import type { Notice } from '../../src/core/shared/notices.js';

const org = orgId('6b0f2ed13736a214b6bbb600');
const member = (id: string, roles: Member['roles']) => ({ id: id as MemberId, roles }) as Member;
const members = {
  list: async () => [member('d1', ['director']), member('r1', ['rep']), member('d2', ['director'])],
};
const data = {
  lead: {
    leadId: leadId('L-1'),
    version: 3,
    status: 'claimed',
    source: 'api',
    score: 80,
    grade: 'important',
  },
  record: {
    type: 'timeout',
    applicantId: 'r1',
    at: new Date(0),
    grade: 'important',
    reason: '',
    originalOwnerId: 'r1',
    approval: 'pending',
  },
  candidates: [],
} as unknown as Extract<Notice, { kind: 'lead.approval' }>['data'];
const approval = (to: Notice['to'], key: string): Notice => ({
  kind: 'lead.approval',
  to,
  cardKey: 'approval:L-1:0',
  mode: 'post',
  idempotencyKey: key,
  data,
});

describe('approvals to the directors', () => {
  it('addresses each director by DM with the same card key, and names them on the group copy', async () => {
    const out = await addressDirectors(members, org, [
      approval({ kind: 'thread', teamId: 't1' as TeamId, threadKey: 'lead:L-1' }, 'k'),
      approval({ kind: 'directors' }, 'k-dm'),
    ]);
    expect(out.map((n) => [n.to, n.idempotencyKey, n.cardKey])).toEqual([
      [{ kind: 'thread', teamId: 't1', threadKey: 'lead:L-1' }, 'k', 'approval:L-1:0'],
      [{ kind: 'member', memberId: 'd1' }, 'k-dm:d1', 'approval:L-1:0'],
      [{ kind: 'member', memberId: 'd2' }, 'k-dm:d2', 'approval:L-1:0'],
    ]);
    const group = out[0] as Extract<Notice, { kind: 'lead.approval' }>;
    const rendered = leadApprovalCard(group.data, {
      texts: zhCN,
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      to: group.to,
    });
    expect(rendered.mentions).toEqual(['d1', 'd2']);
  });

  it('asks for no members when no notice is for the directors', async () => {
    const notices = [approval({ kind: 'team', teamId: 't1' as TeamId }, 'k')];
    const never = { list: async () => expect.fail('members listed') };
    expect(await addressDirectors(never, org, notices)).toBe(notices);
  });
});
