import { describe, expect, it } from 'vitest';
import { leadDecisionMessage } from '../../src/chat/render/lead-approval-card.js';
import type { RenderContext } from '../../src/chat/render/render-context.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import type { LeadDecisionData } from '../../src/core/pools/approval-notices.js';
import { leadId, memberId, teamId } from '../../src/core/shared/ids.js';

const ctx: RenderContext = {
  texts: zhCN,
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  to: { kind: 'thread', teamId: teamId('t1'), threadKey: 'approval:L-1:1' },
};
const base: LeadDecisionData = {
  leadId: leadId('L-1'),
  approval: 'approved',
  decidedByName: '王总',
  originalOwnerId: memberId('m-old'),
  originalOwnerName: '李娜',
  newOwnerId: memberId('m-new'),
  newOwnerName: '张伟',
};

describe('leadDecisionMessage', () => {
  it('mentions the old and the new owner when approved', () => {
    const message = leadDecisionMessage(base, ctx);
    expect(message.text).toBe(zhCN.lead.approval.threadApproved('王总', '李娜', '张伟'));
    expect(message.mentions).toEqual(['m-old', 'm-new']);
  });

  it('mentions the owner when kept', () => {
    const { newOwnerId: _id, newOwnerName: _name, ...kept } = base;
    const message = leadDecisionMessage({ ...kept, approval: 'kept' }, ctx);
    expect(message.text).toBe(zhCN.lead.approval.threadKept('王总', '李娜'));
    expect(message.mentions).toEqual(['m-old']);
  });
});
