import { describe, expect, it } from 'vitest';
import { leadCard } from '../../src/chat/render/lead-card.js';
import type { RenderContext } from '../../src/chat/render/render-context.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import type { LeadCardData } from '../../src/core/leads/index.js';
import { leadId, memberId } from '../../src/core/shared/ids.js';

const NOW = new Date('2026-12-01T02:00:00Z');
const ctx: RenderContext = {
  texts: zhCN,
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  to: { kind: 'member', memberId: memberId('m1') },
  now: NOW,
};
const card = (more: Partial<LeadCardData>) =>
  leadCard(
    {
      leadId: leadId('l1'),
      code: 'L-1042',
      name: '王磊',
      source: 'api',
      score: 60,
      grade: 'normal',
      status: 'claimed',
      ownerId: memberId('m1'),
      ownerName: '张伟',
      ...more,
    } as LeadCardData,
    ctx,
  );
const field = (msg: ReturnType<typeof leadCard>, label: string) =>
  msg.card?.fields.find((f) => f.label === label)?.value;

describe('the lead card’s plan lines', () => {
  it('shows an org’s own stage by the name it gave it, a default one in the default words', () => {
    expect(field(card({ stageKey: 'demo', stageName: '方案演示' }), zhCN.plan.card.stage)).toBe('方案演示');
    expect(field(card({ stageKey: 'quote', stageName: '方案报价' }), zhCN.plan.card.stage)).toBe('方案报价');
    expect(field(card({ stageKey: 'quote' }), zhCN.plan.card.stage)).toBe('报价');
  });
});
