import { describe, expect, it } from 'vitest';
import { registerHandlers } from '../../src/chat/handlers/register-handlers.js';
import { Registry } from '../../src/chat/registry.js';
import { LEAD_ACTIONS } from '../../src/chat/render/lead-card.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import type { Member } from '../../src/core/org/types.js';
import { FakeOrgRepository } from '../core/fakes.js';
import { leadWorld, REP_A, REP_B } from '../core/lead-world.js';

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
      log: { error: () => undefined },
    }),
    w.deps,
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
    expect((await type(REP_A, 'lead', [])).replies[0]?.text).toContain(`\`${mine.id}\` 客户甲`);
    const pool = await type(REP_B, 'pool', []);
    expect(pool.replies[0]?.text).toBe(zhCN.lead.pool.header(1, 1));
    expect(pool.replies).toHaveLength(2);
  });
});
