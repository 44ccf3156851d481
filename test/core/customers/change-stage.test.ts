import { describe, expect, it } from 'vitest';
import { changeStage } from '../../../src/core/customers/index.js';
import { leadNotices } from '../../../src/core/leads/index.js';
import { apiCaller } from '../../../src/core/org/caller.js';
import { AT, DIRECTOR, HOUR, MANAGER, REP_A, REP_B, refusal } from '../lead-world.js';
import { DAY, DEAL, QUOTE, stageWorld } from './stage-world.js';

describe('changeStage', () => {
  it('refuses 报价 without its evidence, naming exactly what is missing, and writes nothing', async () => {
    const w = stageWorld();
    const lead = await w.owned();
    const error = await refusal(changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: '报价' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.issues).toEqual([
      { field: 'quote.amount', message: 'required', problem: { kind: 'required' } },
      { field: 'quote.items', message: 'required', problem: { kind: 'required' } },
    ]);
    const half = await refusal(
      changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: 'quote', quote: { amount: 5 } }),
    );
    expect((half.details.issues as { field: string }[]).map((i) => i.field)).toEqual(['quote.items']);
    expect(w.leads.writes).toHaveLength(0);
  });

  it('moves into 报价 with amount and items: the stage, the history with the time sat, a reminder in 3 days and a quote card', async () => {
    const w = stageWorld();
    const lead = await w.owned();
    w.clock.advance(5 * HOUR);
    const result = await changeStage(w.stageDeps, w.as(REP_A), {
      leadId: lead.code ?? lead.id,
      to: '报价',
      quote: QUOTE,
    });
    expect(result.changed).toBe(true);
    const now = w.clock.now();
    expect(result.lead.stage).toEqual({
      key: 'quote',
      name: '报价',
      kind: 'quote',
      since: now,
      quote: QUOTE,
    });
    expect(result.lead.history.at(-1)).toMatchObject({
      type: 'stage_changed',
      actorId: REP_A.id,
      stage: { from: 'lead', to: 'quote', satMs: now.getTime() - AT.getTime() },
    });
    expect(result.lead.plan?.nextContactAt).toEqual(new Date(now.getTime() + 3 * DAY));
    const quote = w.notifier.notices().find((n) => n.kind === 'stage.quote');
    expect(quote).toMatchObject({ to: { kind: 'member', memberId: REP_A.id }, data: { amount: 50_000 } });
    expect(w.notifier.notices().some((n) => n.kind === 'lead.card' && n.mode === 'update')).toBe(true);
    // The quote card is derived from the stored lead, so the notice sweep re-sends it after a crash, under the
    // same key (nothing doubled when the first publish did go out).
    const stored = (await w.leads.get(lead.orgId, lead.id))!;
    expect(leadNotices(stored).find((n) => n.kind === 'stage.quote')?.idempotencyKey).toBe(
      quote?.idempotencyKey,
    );
    // 成交 keeps the quote on the stage for the order's items, but sends no second quote card.
    const won = await changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: '成交', deal: DEAL });
    expect(leadNotices(won.lead).some((n) => n.kind === 'stage.quote')).toBe(false);
  });

  it('keeps a contact planned sooner than the quote reminder', async () => {
    const w = stageWorld();
    const soon = new Date(AT.getTime() + DAY);
    const lead = await w.owned({ plan: { nextContactAt: soon, dueAt: soon } });
    const result = await changeStage(w.stageDeps, w.as(REP_A), {
      leadId: lead.id,
      to: 'quote',
      quote: QUOTE,
    });
    expect(result.lead.plan?.nextContactAt).toEqual(soon);
  });

  it('plans the revisit given when moving into 沟通, and keeps the planned one when none is given', async () => {
    const w = stageWorld();
    const at = new Date(AT.getTime() + 2 * DAY);
    const lead = await w.owned();
    const given = await changeStage(w.stageDeps, w.as(REP_A), {
      leadId: lead.id,
      to: '沟通',
      nextContactAt: at,
    });
    expect(given.lead.plan?.nextContactAt).toEqual(at);
    const back = await changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: '意向' });
    expect(back.lead.stage?.key).toBe('intent');
    expect(back.lead.plan?.nextContactAt).toEqual(at);
  });

  it('is one change when the same change comes twice (a retry, a double click)', async () => {
    const w = stageWorld();
    const lead = await w.owned();
    await changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: 'quote', quote: QUOTE });
    const again = await changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: '报价', quote: QUOTE });
    expect(again.changed).toBe(false);
    const bare = await changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: '报价' });
    expect(bare.changed).toBe(false);
    expect(w.leads.writes).toHaveLength(1);
  });

  it('makes two simultaneous identical changes one write, both answered', async () => {
    const w = stageWorld();
    const lead = await w.owned();
    const both = await Promise.all(
      [1, 2].map(() => changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: 'quote', quote: QUOTE })),
    );
    expect(both.map((r) => r.changed).sort()).toEqual([false, true]);
    expect(w.leads.writes).toHaveLength(1);
  });

  it('tries again on the lead as it is now when another write came between its read and its write', async () => {
    const w = stageWorld();
    const lead = await w.owned();
    const leads = w.stageDeps.leads;
    let interleaved = false;
    // A follow-up's write lands right after the stage change read the lead: its first write finds another version.
    const racing = {
      ...w.stageDeps,
      leads: Object.assign(Object.create(leads), {
        updateIf: async (...args: Parameters<typeof leads.updateIf>) => {
          if (!interleaved) {
            interleaved = true;
            await leads.updateIf(args[0], args[1], args[2], {
              set: { followUpStatus: 'following' },
              event: { type: 'followed_up', at: AT },
            });
          }
          return leads.updateIf(...args);
        },
      }),
    };
    const result = await changeStage(racing, w.as(REP_A), { leadId: lead.id, to: 'quote', quote: QUOTE });
    expect(result.lead).toMatchObject({ version: 3, followUpStatus: 'following', stage: { key: 'quote' } });
  });

  it('takes a revised quote as a new change', async () => {
    const w = stageWorld();
    const lead = await w.owned();
    await changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: 'quote', quote: QUOTE });
    const revised = await changeStage(w.stageDeps, w.as(REP_A), {
      leadId: lead.id,
      to: 'quote',
      quote: { amount: 45_000, items: QUOTE.items },
    });
    expect(revised.lead.stage?.quote?.amount).toBe(45_000);
  });

  it('lets the owner, their manager, a director and an admin token move it, and nobody else', async () => {
    const w = stageWorld();
    const lead = await w.owned();
    expect((await refusal(changeStage(w.stageDeps, w.as(REP_B), { leadId: lead.id, to: '意向' }))).code).toBe(
      'STAGE_NOT_YOURS',
    );
    await changeStage(w.stageDeps, w.as(MANAGER), { leadId: lead.id, to: '意向' });
    await changeStage(w.stageDeps, w.as(DIRECTOR), { leadId: lead.id, to: '沟通' });
    const api = await changeStage(w.stageDeps, apiCaller(w.org, ['admin']), { leadId: lead.id, to: '线索' });
    expect(api.lead.stage?.key).toBe('lead');
  });

  it('names the stages to choose from when the target does not exist', async () => {
    const w = stageWorld();
    const lead = await w.owned();
    const error = await refusal(changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: '签单' }));
    expect(error).toMatchObject({ code: 'STAGE_NOT_FOUND', details: { to: '签单' } });
    expect(error.details.stages).toEqual(['线索', '意向', '沟通', '报价', '成交', '流失']);
  });

  it('refuses a loss reason not on the org list, naming the list', async () => {
    const w = stageWorld();
    const lead = await w.owned();
    const error = await refusal(
      changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: '流失', loss: { reason: '太贵' } }),
    );
    expect(error.details.issues).toEqual([
      expect.objectContaining({
        field: 'loss.reason',
        problem: { kind: 'not_one_of', allowed: expect.any(Array) },
      }),
    ]);
  });

  it('keeps the loss reason and plans the move to the public pool after the cooldown', async () => {
    const w = stageWorld();
    const lead = await w.owned();
    const lost = await changeStage(w.stageDeps, w.as(REP_A), {
      leadId: lead.id,
      to: '流失',
      loss: { reason: '选择竞品', note: '对方给了八折' },
    });
    expect(lost.lead.stage?.loss).toEqual({ reason: '选择竞品', note: '对方给了八折' });
    const poolAt = new Date(AT.getTime() + 3 * DAY);
    expect(lost.lead.plan).toMatchObject({ poolAt, dueAt: poolAt });
    expect(lost.lead.plan?.nextContactAt).toBeUndefined();
  });

  it('lets only a manager, director or admin reopen a lost lead', async () => {
    const w = stageWorld();
    const lead = await w.owned();
    await changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: 'lost', loss: { reason: '其他' } });
    const refused = await refusal(changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: '沟通' }));
    expect(refused.code).toBe('STAGE_REOPEN_FORBIDDEN');
    const reopened = await changeStage(w.stageDeps, w.as(MANAGER), { leadId: lead.id, to: '沟通' });
    expect(reopened.lead.stage?.key).toBe('contact');
  });

  it('refuses a second contract on a won lead', async () => {
    const w = stageWorld();
    const lead = await w.owned();
    await changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: '成交', deal: DEAL });
    const other = { ...DEAL, contractNo: 'HT-2026-002' };
    const error = await refusal(
      changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: '成交', deal: other }),
    );
    expect(error.code).toBe('STAGE_CLOSED');
  });

  it('uses the org’s own stages and exit conditions', async () => {
    const w = stageWorld({
      settings: {
        stages: {
          stages: [
            { key: 'lead', name: '新线索', kind: 'open', requires: [] },
            { key: 'demo', name: '演示', kind: 'open', requires: ['quote.items'] },
            { key: 'won', name: '签约', kind: 'won', requires: [] },
          ],
          lossReasons: ['其他'],
          quoteFollowUpDays: 5,
          lostPoolCooldownDays: 1,
        },
      },
    });
    const lead = await w.owned();
    const error = await refusal(changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: '演示' }));
    expect((error.details.issues as { field: string }[]).map((i) => i.field)).toEqual(['quote.items']);
    // A won stage always needs what its order is made of, whatever the org listed.
    const won = await refusal(changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: '签约' }));
    expect((won.details.issues as { field: string }[]).map((i) => i.field)).toEqual([
      'deal.contractNo',
      'deal.amount',
      'deal.signedAt',
    ]);
  });
});
