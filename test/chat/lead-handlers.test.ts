import { describe, expect, it } from 'vitest';
import { registerHandlers } from '../../src/chat/handlers/register-handlers.js';
import { Registry } from '../../src/chat/registry.js';
import { LEAD_ACTIONS } from '../../src/chat/render/lead-card.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import type { Member } from '../../src/core/org/types.js';
import { customerFakes } from '../core/fake-customer-pending.js';
import { FakeOrgRepository } from '../core/fakes.js';
import { leadWorld, MANAGER, REP_A, REP_B } from '../core/lead-world.js';
import { fakeChatDrafts } from './support/fake-chat-drafts.js';
import { reportCardFakes } from './support/report-card-fakes.js';

// The lead handlers over the core fakes: each only parses, calls its use-case and renders the answer, so a click
// or a command reaches the same rules as the API.

let seq = 0;
const user = (member: Member) => ({
  platform: 'sandbox' as const,
  workspaceId: 'ws-1',
  userId: member.identities[0]!.userId,
});

function chat() {
  const w = leadWorld();
  const registry = registerHandlers(
    new Registry({
      orgs: new FakeOrgRepository([w.org]),
      members: w.deps.members,
      teams: w.deps.teams,
      log: { error: () => undefined },
    }),
    { ...w.deps, drafts: fakeChatDrafts(), ...customerFakes(w.leads), ...reportCardFakes() },
  );
  const click = (member: Member, actionId: string, value: string) =>
    registry.dispatch({ type: 'action', eventId: `e-${++seq}`, user: user(member), actionId, value });
  const type = (member: Member, command: string, args: string[]) =>
    registry.dispatch({
      type: 'command',
      eventId: `e-${++seq}`,
      user: user(member),
      command,
      args,
      rawText: `/${command} ${args.join(' ')}`,
    });
  return { w, click, type };
}

describe('lead handlers', () => {
  it('claims from the card’s button, and tells the second clicker who has it', async () => {
    const { w, click } = chat();
    const lead = await w.store();
    expect(await click(REP_A, LEAD_ACTIONS.claim, lead.id)).toEqual({
      ok: true,
      replies: [{ text: zhCN.lead.claimed }],
    });
    const second = await click(REP_B, LEAD_ACTIONS.claim, lead.id);
    expect(second.ok).toBe(false);
    expect(second.replies[0]?.text).toBe(
      zhCN.errors.LEAD_ALREADY_CLAIMED({ leadId: lead.id, ownerName: REP_A.name }),
    );
    expect((await w.leads.get(w.org.id, lead.id))?.ownerId).toBe(REP_A.id);
  });

  it('takes a short code wherever it takes an id, in any case and without the prefix', async () => {
    const { w, type } = chat();
    const lead = await w.store();
    const number = lead.code!.replace('L-', '');
    expect((await type(REP_A, 'lead', ['claim', number.toLowerCase()])).ok).toBe(true);
    expect((await w.leads.get(w.org.id, lead.id))?.ownerId).toBe(REP_A.id);
    const shown = await type(REP_A, 'lead', [lead.code!.toLowerCase()]);
    expect(shown.replies[0]?.card?.fields).toContainEqual({ label: zhCN.lead.fields.code, value: lead.code });
    expect((await type(REP_A, 'lead', ['L-9999'])).ok).toBe(false);
  });

  it('assigns by hand from the command, in English and Chinese, and back to the pool', async () => {
    const { w, type } = chat();
    const lead = await w.store();
    const moved = await type(MANAGER, 'lead', ['分配', lead.code!, '李娜', '客户', '指定']);
    expect(moved.replies[0]?.text).toBe(zhCN.lead.assign.done(lead.code!, '李娜'));
    const after = await w.leads.get(w.org.id, lead.id);
    expect([after?.ownerId, after?.history.at(-1)?.reason]).toEqual([
      REP_B.id,
      { kind: 'typed', text: '客户 指定' },
    ]);
    const back = await type(MANAGER, 'lead', ['assign', lead.code!, '公海']);
    expect(back.replies[0]?.text).toBe(zhCN.lead.assign.toPool(lead.code!));
    expect((await type(REP_A, 'lead', ['assign', lead.code!, '张伟'])).ok).toBe(false);
  });

  it('offers a manager 重新分配 on the lead, then the team’s reps and the pool as buttons', async () => {
    const { w, type, click } = chat();
    const lead = await w.store({ status: 'claimed', ownerId: REP_A.id, ownerName: REP_A.name });
    const shown = await type(MANAGER, 'lead', [lead.code!]);
    expect(shown.replies[0]?.card?.buttons.map((b) => b.actionId)).toContain(LEAD_ACTIONS.assign);
    expect(
      (await type(REP_A, 'lead', [lead.code!])).replies[0]?.card?.buttons.map((b) => b.actionId),
    ).not.toContain(LEAD_ACTIONS.assign);
    const choices = await click(MANAGER, LEAD_ACTIONS.assign, lead.id);
    const buttons = choices.replies[0]?.card?.buttons ?? [];
    expect(buttons.map((b) => b.label)).toEqual(['李娜', zhCN.lead.assign.poolButton]);
    const done = await click(MANAGER, LEAD_ACTIONS.assignTo, buttons[0]!.value);
    expect(done.replies[0]?.text).toBe(zhCN.lead.assign.done(lead.code!, '李娜'));
    const why = (await click(REP_B, LEAD_ACTIONS.why, lead.id)).replies[0]?.card?.markdown ?? '';
    expect(why).toContain(zhCN.lead.reasons.manual);
    expect(why).not.toContain(zhCN.lead.why.rule(MANAGER.name));
    expect((await click(REP_A, LEAD_ACTIONS.assign, lead.id)).ok).toBe(false);
  });

  it('shows a lead with its history to its owner and refuses it to another rep', async () => {
    const { w, type } = chat();
    const lead = await w.store({ status: 'claimed', ownerId: REP_A.id, ownerName: REP_A.name });
    const shown = await type(REP_A, 'lead', [lead.id]);
    expect(shown.ok).toBe(true);
    expect(shown.replies[0]?.card?.markdown).toContain(zhCN.lead.detail.history);
    const refused = await type(REP_B, 'lead', [lead.id]);
    expect(refused).toEqual({
      ok: false,
      replies: [{ text: zhCN.errors.FORBIDDEN({ action: 'lead.read_all' }) }],
    });
  });

  it('lists my leads and my team’s pool', async () => {
    const { w, type } = chat();
    const mine = await w.store({ status: 'claimed', ownerId: REP_A.id, contact: { name: '客户甲' } });
    await w.store({ contact: { name: '客户乙' } });
    expect((await type(REP_A, 'lead', [])).replies[0]?.text).toContain(`\`${mine.code}\` 客户甲`);
    const pool = await type(REP_B, 'pool', []);
    expect(pool.replies[0]?.text).toBe(zhCN.lead.pool.header(1, 1));
    expect(pool.replies).toHaveLength(2);
  });
});
