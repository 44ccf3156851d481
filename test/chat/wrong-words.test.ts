import { describe, expect, it } from 'vitest';
import type { RenderContext } from '../../src/chat/render/render-context.js';
import { renderNotice } from '../../src/chat/render/render-notice.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import { type Lead, leadNotices } from '../../src/core/leads/index.js';
import { memberStatusNotice } from '../../src/core/org/member-status-notice.js';
import type { NoticeRecipient } from '../../src/core/shared/notices.js';
import { makeMember } from '../core/fakes.js';
import { AT, HOUR, MANAGER, REP_A, REP_B } from '../core/lead-world.js';
import { chatOverFakes } from './support/chat-over-fakes.js';

// Issue #11, item 4: each wrong word a sales team saw in the sandbox, pinned by a test that fails on the old text.

const ctx = (to: NoticeRecipient): RenderContext => ({
  texts: zhCN,
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  to,
});
const toMember = (id: string) => ({ kind: 'member', memberId: id }) as NoticeRecipient;

describe('the wrong words of issue #11', () => {
  it('keeps the rep’s reminder title: the manager’s copy is a card of its own', async () => {
    const { w } = chatOverFakes();
    const claimed = {
      status: 'claimed' as const,
      ownerId: REP_A.id,
      ownerName: REP_A.name,
      followUpStatus: 'unfollowed' as const,
    };
    const lead = await w.store({
      ...claimed,
      dueAt: new Date(AT.getTime() + HOUR),
      reclaimAt: new Date(AT.getTime() + 24 * HOUR),
      history: [
        { type: 'assigned', at: AT, ownerId: REP_A.id },
        { type: 'nudged', at: AT, ownerId: REP_A.id },
        { type: 'escalated', at: AT, ownerId: REP_A.id, managerId: MANAGER.id },
      ],
    });
    const copy = leadNotices(lead).find((n) => n.kind === 'lead.reminder')!;
    const nudge = leadNotices({ ...lead, history: lead.history.slice(0, 2) } as Lead).find(
      (n) => n.kind === 'lead.reminder',
    )!;
    expect(copy.cardKey).not.toBe(nudge.cardKey);
    // Once followed up, each copy is updated under its own key, and the owner's keeps the owner's title.
    const done = {
      ...lead,
      followUpStatus: 'following',
      version: 2,
      history: [...lead.history, { type: 'followed_up', at: AT, ownerId: REP_A.id }],
    } as Lead;
    const updates = leadNotices(done).filter((n) => n.kind === 'lead.reminder');
    expect(updates.map((n) => n.cardKey)).toEqual([nudge.cardKey, copy.cardKey]);
    const ownerCard = renderNotice(updates[0]!, ctx(toMember(REP_A.id))).card!;
    expect(ownerCard.title.startsWith(zhCN.lead.reminder.title)).toBe(true);
    // Even drawn for whoever the outbox picks, the owner's card is the owner's: the step decides, not the reader.
    expect(renderNotice(updates[0]!, ctx(toMember(MANAGER.id))).card!.title).not.toContain('抄送主管');
    expect(renderNotice(updates[1]!, ctx(toMember(MANAGER.id))).card!.title).toContain('抄送主管');
  });

  it('/pool counts the whole pool and says how many it shows', async () => {
    const { w, type } = chatOverFakes();
    for (let i = 0; i < 12; i += 1) await w.store({ contact: { name: `客户${i}` } });
    const pool = await type(REP_B, 'pool', []);
    expect(pool.replies[0]?.text).toBe('公海中有 12 条可领取的线索，显示最新 10 条：');
    expect(pool.replies).toHaveLength(11);
  });

  it('says which customer a 撞单 matched and how: a company match is not “your customer”', async () => {
    const { w } = chatOverFakes();
    const original = await w.store({ status: 'claimed', ownerId: REP_A.id });
    const dup = (matchedOn: ('phone' | 'company')[]) =>
      w.store({
        status: 'duplicate',
        duplicateOf: original.id,
        duplicateOwnerId: REP_A.id,
        duplicateMatch: matchedOn,
        contact: { name: '刘洋', company: '华东电气' },
        history: [{ type: 'duplicate', at: AT, reason: { kind: 'duplicate', originalId: original.id } }],
      });
    const draw = (lead: Lead) => renderNotice(leadNotices(lead)[0]!, ctx(toMember(REP_A.id))).card!;
    const byCompany = draw(await dup(['company']));
    expect(byCompany.markdown).not.toContain('你的客户');
    expect(byCompany.markdown).toContain('华东电气');
    expect(byCompany.fields).toContainEqual({ label: '相同的信息', value: '公司' });
    expect(byCompany.fields).toContainEqual({ label: '原线索', value: original.id });
    const byPhone = draw(await dup(['phone']));
    expect(byPhone.markdown).toContain('你的客户');
    expect(byPhone.fields).toContainEqual({ label: '相同的信息', value: '手机' });
  });

  it('refuses a follow-up of someone else’s lead with its own words, not the release refusal', async () => {
    const { w, type } = chatOverFakes();
    const lead = await w.store({ status: 'claimed', ownerId: REP_A.id, ownerName: REP_A.name });
    const refused = await type(REP_B, 'followup', [lead.id, '打过电话了']);
    expect(refused.ok).toBe(false);
    expect(refused.replies[0]?.text).toBe('这条线索不是你负责的，只有负责人才能记录跟进。');
    const release = await type(REP_B, 'lead', ['release', lead.id, '不想要']);
    expect(release.replies[0]?.text).toBe('只有线索的负责人才能释放它。');
  });

  it('says in words that /lead has nothing open', async () => {
    const { type } = chatOverFakes();
    const mine = await type(REP_A, 'lead', []);
    expect(mine.replies[0]?.text).toBe(zhCN.lead.noOpenLeads);
    expect(mine.replies[0]?.text).not.toBe('—');
  });

  it('gives the quota status card to reps only, a card for their role to the others', () => {
    const draw = (roles: ('rep' | 'admin' | 'aftersales' | 'manager')[]) => {
      const member = makeMember('00000000000000000000e001', { name: '陈静', roles });
      return renderNotice(
        memberStatusNotice(member, undefined, 20, 'post', 'hello', true),
        ctx(toMember(member.id)),
      ).card!;
    };
    const rep = draw(['rep']);
    expect(rep.fields.map((f) => f.label)).toContain(zhCN.memberStatus.dailyCap);
    expect(rep.markdown).toContain('会把新线索推送给你');
    for (const roles of [['admin'], ['aftersales'], ['manager']] as const) {
      const other = draw([...roles]);
      expect(other.fields.map((f) => f.label)).not.toContain(zhCN.memberStatus.dailyCap);
      expect(other.markdown).not.toContain('推送给你');
      expect(other.markdown).toContain(zhCN.roles[roles[0]]);
      expect(other.buttons).toEqual([]);
    }
  });
});
