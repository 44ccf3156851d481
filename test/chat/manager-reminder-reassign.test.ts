import { describe, expect, it } from 'vitest';
import { LEAD_ACTIONS } from '../../src/chat/render/lead-card.js';
import type { RenderContext } from '../../src/chat/render/render-context.js';
import { renderNotice, renderSummary } from '../../src/chat/render/render-notice.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import { leadCardData } from '../../src/core/leads/index.js';
import { AT, HOUR, MANAGER, REP_A } from '../core/lead-world.js';
import { chatOverFakes } from './support/chat-over-fakes.js';

// The manager's copy of a reminder offers 重新分配, opening the same picker as the lead's detail card.

const toManager: RenderContext = {
  texts: zhCN,
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  to: { kind: 'member', memberId: MANAGER.id },
};

describe('the manager’s copy of a reminder', () => {
  it('offers 重新分配 while the lead is open, and the click opens the member picker', async () => {
    const { w, click } = chatOverFakes();
    const lead = await w.store({
      status: 'assigned',
      ownerId: REP_A.id,
      ownerName: REP_A.name,
      followUpStatus: 'unfollowed',
      reclaimAt: new Date(AT.getTime() + 48 * HOUR),
      dueAt: new Date(AT.getTime() + 24 * HOUR),
    });
    const data = { ...leadCardData(lead), step: 'manager' as const };
    const card = renderNotice({ kind: 'lead.reminder', data }, toManager).card!;
    expect(card.buttons).toEqual([{ actionId: LEAD_ACTIONS.assign, label: '重新分配', value: lead.id }]);
    const picker = await click(MANAGER, LEAD_ACTIONS.assign, card.buttons[0]!.value);
    expect(picker.ok).toBe(true);
    const choices = picker.replies[0]?.card?.buttons ?? [];
    expect(choices.map((b) => b.actionId)).toContain(LEAD_ACTIONS.assignTo);
    expect(choices.map((b) => b.label)).toContain('放回公海');
    // The burst of copies lists each lead with its own 重新分配.
    const summary = renderSummary('reminder', [{ data }, { data }], toManager).card!;
    expect(summary.buttons.map((b) => [b.actionId, b.value])).toEqual([
      [LEAD_ACTIONS.assign, lead.id],
      [LEAD_ACTIONS.assign, lead.id],
    ]);
    // Once the lead moved on, the copy offers nothing.
    const done = renderNotice(
      { kind: 'lead.reminder', data: { ...data, followUpStatus: 'following' } },
      toManager,
    );
    expect(done.card!.buttons).toEqual([]);
  });
});
