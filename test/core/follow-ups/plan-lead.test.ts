import { describe, expect, it } from 'vitest';
import { planLead, snoozeContact, snoozeUntil } from '../../../src/core/follow-ups/index.js';
import type { Lead } from '../../../src/core/leads/lead-types.js';
import { DEFAULT_ORG_SETTINGS } from '../../../src/core/org/types.js';
import { followUpId } from '../../../src/core/shared/ids.js';
import { makeOrg } from '../fakes.js';
import { AT, HOUR, leadWorld, REP_A, REP_B, refusal } from '../lead-world.js';

const DAY = 24 * HOUR;
const org = makeOrg({ settings: DEFAULT_ORG_SETTINGS });
const at = (ms: number) => new Date(AT.getTime() + ms);
const followed = (at: Date) => ({ id: followUpId('f1'), at, channel: 'phone' as const, count: 1 });

describe('planLead', () => {
  it('keeps its first call shape: a next contact time, reminded then, stale after 7 days', () => {
    const plan = planLead(org, {}, AT, { nextContactAt: at(2 * HOUR) });
    expect(plan).toEqual({ nextContactAt: at(2 * HOUR), staleAt: at(7 * DAY), dueAt: at(2 * HOUR) });
  });

  it('after the reminder, the escalation is next: the missed contact plus escalateAfterHours', () => {
    const first = planLead(org, {}, AT, { nextContactAt: at(HOUR) });
    const reminded = planLead(org, { plan: { ...first, remindedAt: at(HOUR) } }, at(HOUR));
    expect(reminded.dueAt).toEqual(at(25 * HOUR));
    const escalated = planLead(org, { plan: { ...reminded, escalatedAt: at(25 * HOUR) } }, at(25 * HOUR));
    expect(escalated.dueAt).toEqual(at(7 * DAY));
  });

  it('renews the stale countdown from the latest follow-up, and a new time starts its steps afresh', () => {
    const lead: Pick<Lead, 'plan' | 'lastFollowUp'> = {
      plan: {
        nextContactAt: at(HOUR),
        remindedAt: at(HOUR),
        escalatedAt: at(25 * HOUR),
        staleAt: at(7 * DAY),
      },
      lastFollowUp: followed(at(3 * DAY)),
    };
    const plan = planLead(org, lead, at(3 * DAY), { nextContactAt: at(4 * DAY) });
    expect(plan).toEqual({ nextContactAt: at(4 * DAY), staleAt: at(10 * DAY), dueAt: at(4 * DAY) });
    // Given as `followedUpAt` while the lead still carries the previous follow-up: the same countdown.
    expect(planLead(org, { plan: lead.plan! }, at(3 * DAY), { followedUpAt: at(3 * DAY) }).staleAt).toEqual(
      at(10 * DAY),
    );
  });

  it('drops a contact a later follow-up made, and keeps a running countdown without one', () => {
    const plan = planLead(
      org,
      { plan: { nextContactAt: at(HOUR) }, lastFollowUp: followed(at(2 * HOUR)) },
      at(2 * HOUR),
    );
    expect(plan.nextContactAt).toBeUndefined();
    const snoozed = planLead(org, { plan: { staleAt: at(5 * DAY) } }, at(DAY), {
      nextContactAt: at(2 * DAY),
    });
    expect(snoozed.staleAt).toEqual(at(5 * DAY));
  });

  it('follows the stage: a lost lead only goes to the pool after its cooldown; a won one is never reclaimed', () => {
    const lost = planLead(org, { stage: { key: 'lost', since: AT }, plan: { nextContactAt: at(HOUR) } }, AT);
    expect(lost).toEqual({ poolAt: at(3 * DAY), dueAt: at(3 * DAY) });
    expect(
      planLead(org, { stage: { key: 'x', since: AT } }, AT, { stageKind: 'lost', lostCooldownHours: 12 })
        .poolAt,
    ).toEqual(at(12 * HOUR));
    expect(planLead(org, { stage: { key: 'won', since: AT } }, AT)).toEqual({});
  });

  it('uses the org’s own settings', () => {
    const own = makeOrg({
      settings: { ...DEFAULT_ORG_SETTINGS, plan: { staleAfterDays: 5, escalateAfterHours: 4 } },
    });
    const plan = planLead(own, {}, AT, { nextContactAt: at(HOUR) });
    expect(plan.staleAt).toEqual(at(5 * DAY));
    expect(planLead(own, { plan: { ...plan, remindedAt: at(HOUR) } }, at(HOUR)).dueAt).toEqual(at(5 * HOUR));
  });
});

describe('snoozeContact', () => {
  it('moves the owner’s next contact to a snooze choice in one write, and refuses others', async () => {
    const w = leadWorld();
    const lead = await w.store({
      status: 'claimed',
      ownerId: REP_A.id,
      ownerName: REP_A.name,
      followUpStatus: 'following',
      plan: { nextContactAt: AT, remindedAt: AT, dueAt: at(DAY) },
    });
    const { lead: snoozed, until } = await snoozeContact(w.deps, w.as(REP_A), {
      leadId: lead.id,
      choice: '1h',
    });
    expect(until).toEqual(at(HOUR));
    expect(snoozed.plan).toMatchObject({ nextContactAt: at(HOUR), dueAt: at(HOUR) });
    expect(snoozed.plan?.remindedAt).toBeUndefined();
    expect(snoozed.history.at(-1)).toMatchObject({ type: 'contact_snoozed', actorId: REP_A.id });
    expect((await refusal(snoozeContact(w.deps, w.as(REP_B), { leadId: lead.id, choice: '1h' }))).code).toBe(
      'LEAD_NOT_YOURS',
    );
    expect((await refusal(snoozeContact(w.deps, w.as(REP_A), { leadId: lead.id, choice: '5h' }))).code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('`tomorrow` is the next agenda time in the org’s time zone', () => {
    // AT is 10:00 in Shanghai: tomorrow 09:00 there is 01:00 UTC the next day.
    expect(snoozeUntil(org, 'tomorrow', AT)).toEqual(new Date('2026-03-03T01:00:00Z'));
  });
});
