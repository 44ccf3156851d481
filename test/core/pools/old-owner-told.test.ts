import { describe, expect, it } from 'vitest';
import { coalesceGroupOf, summaryKindOf } from '../../../src/chat/outbox/coalesce-group.js';
import type { RenderContext } from '../../../src/chat/render/render-context.js';
import { renderNotice, renderSummary } from '../../../src/chat/render/render-notice.js';
import { en } from '../../../src/chat/texts/en.js';
import { zhCN } from '../../../src/chat/texts/zh-cn.js';
import { assignLead } from '../../../src/core/pools/assign-lead.js';
import { assignLeads } from '../../../src/core/pools/assign-leads.js';
import type { Notice } from '../../../src/core/shared/notices.js';
import { DIRECTOR, leadWorld, MANAGER, REP_A, REP_B } from '../lead-world.js';

// A hand move tells the member the lead was taken from, in their DM, with a notice of its own.

const zh: RenderContext = {
  texts: zhCN,
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  to: { kind: 'member', memberId: REP_A.id },
};
const movedAway = (notices: readonly Notice[]) => notices.filter((n) => n.kind === 'lead.moved_away');

describe('the old owner of a hand move', () => {
  it('is told who moved which lead to whom, and the new owner gets the lead', async () => {
    const w = leadWorld();
    const lead = await w.store({ status: 'claimed', ownerId: REP_A.id, ownerName: REP_A.name });
    await assignLead(w.deps, w.as(MANAGER), { leadId: lead.code!, to: '李娜' });
    const [told, ...more] = movedAway(w.notifier.notices());
    expect(more).toEqual([]);
    expect(told).toMatchObject({ to: { kind: 'member', memberId: REP_A.id }, mode: 'post' });
    const card = renderNotice(told!, zh).card!;
    expect(card.markdown).toContain(`线索 ${lead.code} 已由 王经理 重新分配给 李娜`);
    expect(card.buttons).toEqual([]);
    const owner = w.notifier.notices().filter((n) => n.kind === 'lead.card' && n.mode === 'post');
    expect(owner.map((n) => n.to)).toEqual([{ kind: 'member', memberId: REP_B.id }]);
  });

  it('is told a lead went back to the pool, and the team is offered it again', async () => {
    const w = leadWorld();
    const lead = await w.store({ status: 'assigned', ownerId: REP_A.id, ownerName: REP_A.name });
    await assignLead(w.deps, w.as(DIRECTOR), { leadId: lead.id, to: 'pool' });
    const [told] = movedAway(w.notifier.notices());
    expect(renderNotice(told!, zh).card!.markdown).toContain(`线索 ${lead.code} 已由 赵总监 放回公海`);
    const en1 = renderNotice(told!, { ...zh, texts: en, locale: 'en' }).card!.markdown;
    expect(en1).toContain(`Lead ${lead.code} was put back in the public pool by 赵总监`);
    const posts = w.notifier.notices().filter((n) => n.kind === 'lead.card' && n.mode === 'post');
    expect(posts.map((n) => n.to.kind)).toEqual(['team']);
  });

  it('is not told when a pooled lead is given out (nobody had it)', async () => {
    const w = leadWorld();
    const lead = await w.store();
    await assignLead(w.deps, w.as(MANAGER), { leadId: lead.id, to: '李娜' });
    expect(movedAway(w.notifier.notices())).toEqual([]);
  });

  it('after a bulk move gets one card per old owner listing their leads', async () => {
    const w = leadWorld();
    const mine = [];
    for (let i = 0; i < 3; i++) {
      mine.push(await w.store({ status: 'claimed', ownerId: REP_A.id, ownerName: REP_A.name, contact: {} }));
    }
    await assignLeads(w.deps, w.as(MANAGER), {
      codes: mine.map((l) => l.code!),
      strategy: 'round_robin',
      members: [REP_B.id],
    });
    const told = movedAway(w.notifier.notices());
    expect(told).toHaveLength(3);
    const groups = new Set(told.map(coalesceGroupOf));
    expect([...groups]).toEqual([`moved:${REP_A.id}`]);
    const card = renderSummary(summaryKindOf([...groups][0]!)!, told, zh).card!;
    expect(card.title).toBe('你的 3 条线索已重新分配');
    for (const l of mine) expect(card.markdown).toContain(`线索 ${l.code} 已由 王经理 重新分配给 李娜`);
  });
});
