import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The follow-up records' API on the demo org, through the real stack: an integration's token records for the lead's
// owner, by the lead's code or id; the list, one record with its versions, and a correction.

let t: TestApp;
let phone = 13700001000;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const auth = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${t.token}`, ...extra });
const intake = async () =>
  (
    await t.request(
      'POST',
      '/api/v1/leads',
      { phone: String(++phone), region: '上海', source: 'api' },
      auth(),
    )
  ).body.lead;
const inHours = (h: number) => new Date(t.app.clock.now().getTime() + h * 3_600_000).toISOString();
const call = () => ({
  channel: 'phone',
  content: '客户要报价单 ',
  outcome: 'trial-booked',
  nextStep: '发报价单',
  nextContactAt: inHours(24),
});

describe('POST /api/v1/leads/:ref/follow-ups', () => {
  it('records a follow-up for the owner by the lead’s code: the record as typed, the lead claimed and following', async () => {
    const lead = await intake();
    const body = call();
    const res = await t.request('POST', `/api/v1/leads/${lead.code}/follow-ups`, body, auth());
    expect(res.status).toBe(201);
    expect(res.body.followUp).toMatchObject({
      leadId: lead.id,
      version: 1,
      channel: 'phone',
      content: '客户要报价单 ',
      outcome: 'trial-booked',
      outcomeName: '约到试用',
      nextStep: '发报价单',
      nextContactAt: body.nextContactAt,
      authorId: lead.ownerId,
      authorName: lead.ownerName,
    });
    expect(res.body.lead).toMatchObject({ id: lead.id, status: 'claimed', followUpStatus: 'following' });
    const stored = await t.app.models.Lead.findById(lead.id).lean();
    expect(stored?.lastFollowUp).toMatchObject({ channel: 'phone', outcome: 'trial-booked', count: 1 });
    const plan = stored?.plan as { nextContactAt?: Date } | undefined;
    expect(plan?.nextContactAt?.toISOString()).toBe(body.nextContactAt);
    expect(stored?.dueStep).toBeUndefined();
    // The API's lead shows the same progress: the plan's next contact and the latest follow-up.
    expect(res.body.lead.plan.nextContactAt).toBe(body.nextContactAt);
    expect(res.body.lead.lastFollowUp).toMatchObject({ channel: 'phone', outcome: 'trial-booked', count: 1 });
  });

  it('honours Idempotency-Key: a retry answers 200 with the same record and stores nothing more', async () => {
    const lead = await intake();
    const headers = auth({ 'idempotency-key': `fu-${lead.id}` });
    const first = await t.request('POST', `/api/v1/leads/${lead.id}/follow-ups`, call(), headers);
    const again = await t.request('POST', `/api/v1/leads/${lead.id}/follow-ups`, call(), headers);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.followUp.id).toBe(first.body.followUp.id);
    expect(await t.app.models.FollowUp.countDocuments({ leadId: lead.id })).toBe(1);
  });

  it('names every missing and bad field, in the caller’s language', async () => {
    const lead = await intake();
    const missing = await t.request(
      'POST',
      `/api/v1/leads/${lead.code}/follow-ups`,
      { content: '打过电话' },
      auth({ 'accept-language': 'en' }),
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('VALIDATION_FAILED');
    expect(missing.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual([
      'channel',
      'nextContactAt',
    ]);
    expect(missing.body.error.message).toContain('next contact time');
    const bad = await t.request(
      'POST',
      `/api/v1/leads/${lead.code}/follow-ups`,
      { ...call(), channel: 'fax', outcome: 'nope', nextContactAt: inHours(-1), mood: 'good' },
      auth({ 'accept-language': 'zh-CN' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field).sort()).toEqual([
      'channel',
      'mood',
      'nextContactAt',
      'outcome',
    ]);
    expect(bad.body.error.message).toContain('下次联系时间：不能是已经过去的时间');
    const notIso = await t.request(
      'POST',
      `/api/v1/leads/${lead.code}/follow-ups`,
      { ...call(), nextContactAt: '明天上午10点' },
      auth(),
    );
    expect(notIso.body.error.details.issues).toMatchObject([
      { field: 'nextContactAt', problem: { kind: 'bad_format', format: 'date_time' } },
    ]);
    expect(await t.app.models.FollowUp.countDocuments({ leadId: lead.id })).toBe(0);
    const nowhere = await t.request('POST', '/api/v1/leads/L-999999/follow-ups', call(), auth());
    expect(nowhere.status).toBe(404);
  });

  it('refuses a lead nobody owns (a pooled one): there is no owner to record for', async () => {
    const lead = await intake();
    await t.request('POST', `/api/v1/leads/${lead.code}:assign`, { to: 'pool' }, auth());
    const res = await t.request('POST', `/api/v1/leads/${lead.code}/follow-ups`, call(), auth());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('LEAD_NOT_YOURS');
  });
});

describe('reading and correcting follow-up records', () => {
  it('lists a lead’s records newest first, shows one with its versions, and corrects it as a new version', async () => {
    const lead = await intake();
    const first = (await t.request('POST', `/api/v1/leads/${lead.code}/follow-ups`, call(), auth())).body
      .followUp;
    t.app.clock.advance(60_000);
    const second = (
      await t.request(
        'POST',
        `/api/v1/leads/${lead.code}/follow-ups`,
        { ...call(), channel: 'wechat' },
        auth(),
      )
    ).body.followUp;
    const fixed = await t.request(
      'PATCH',
      `/api/v1/follow-ups/${first.id}`,
      { outcome: 'no-answer' },
      auth(),
    );
    expect(fixed.status).toBe(200);
    expect(fixed.body.followUp).toMatchObject({ recordId: first.id, version: 2, outcome: 'no-answer' });
    expect(fixed.body.followUp.correctedAt).toBeDefined();

    const list = await t.request('GET', `/api/v1/leads/${lead.code}/follow-ups`, undefined, auth());
    expect(list.body.followUps.map((f: { id: string }) => f.id)).toEqual([second.id, fixed.body.followUp.id]);
    const all = await t.request('GET', `/api/v1/leads/${lead.id}/follow-ups?versions=all`, undefined, auth());
    expect(all.body.followUps).toHaveLength(3);
    const one = await t.request('GET', `/api/v1/follow-ups/${first.id}`, undefined, auth());
    expect(one.body.followUp.version).toBe(2);
    expect(
      one.body.versions.map((v: { version: number; outcome: string }) => [v.version, v.outcome]),
    ).toEqual([
      [1, 'trial-booked'],
      [2, 'no-answer'],
    ]);
    expect(one.body.versions[0].supersededAt).toBeDefined();

    const stale = await t.request('PATCH', `/api/v1/follow-ups/${first.id}`, { content: '再改' }, auth());
    expect([stale.status, stale.body.error.code]).toEqual([409, 'FOLLOW_UP_SUPERSEDED']);
    const empty = await t.request('PATCH', `/api/v1/follow-ups/${second.id}`, {}, auth());
    expect(empty.status).toBe(400);
    const unknown = await t.request('GET', '/api/v1/follow-ups/000000000000000000000000', undefined, auth());
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'FOLLOW_UP_NOT_FOUND']);
    const badQuery = await t.request(
      'GET',
      `/api/v1/leads/${lead.id}/follow-ups?versions=some`,
      undefined,
      auth(),
    );
    expect(badQuery.status).toBe(400);
  });

  it('keeps a read-only token to reading', async () => {
    const { secret } = (
      await t.request('POST', '/api/v1/tokens', { name: 'follow-up reader', role: 'read_only' }, auth())
    ).body;
    const lead = await intake();
    const as = { authorization: `Bearer ${secret}` };
    expect((await t.request('POST', `/api/v1/leads/${lead.id}/follow-ups`, call(), as)).status).toBe(403);
    expect((await t.request('GET', `/api/v1/leads/${lead.id}/follow-ups`, undefined, as)).status).toBe(200);
  });
});

describe('the org’s outcome list (PATCH /api/v1/org/settings followUps)', () => {
  it('replaces the defaults: records take the new keys, an outcome names its stage, a bad list is refused', async () => {
    const outcomes = [
      { key: 'quoted', name: '已报价', stage: 'quote' },
      { key: 'no-answer', name: '未接通' },
    ];
    const set = await t.request('PATCH', '/api/v1/org/settings', { followUps: { outcomes } }, auth());
    expect(set.status).toBe(200);
    expect(set.body.org.settings.followUps).toEqual({ outcomes });
    const lead = await intake();
    const quoted = await t.request(
      'POST',
      `/api/v1/leads/${lead.code}/follow-ups`,
      { ...call(), outcome: 'quoted' },
      auth(),
    );
    expect(quoted.status).toBe(201);
    expect(quoted.body).toMatchObject({
      followUp: { outcome: 'quoted', outcomeName: '已报价' },
      outcomeStage: 'quote',
    });
    const old = await t.request('POST', `/api/v1/leads/${lead.code}/follow-ups`, call(), auth());
    expect(old.body.error.details.issues).toMatchObject([
      { field: 'outcome', problem: { kind: 'not_one_of', allowed: ['quoted', 'no-answer'] } },
    ]);
    const twice = await t.request(
      'PATCH',
      '/api/v1/org/settings',
      { followUps: { outcomes: [outcomes[0], { key: 'quoted', name: '又一个' }] } },
      auth(),
    );
    expect(twice.status).toBe(400);
    expect(twice.body.error.details.issues).toMatchObject([
      { field: 'followUps.outcomes.1.key', problem: { kind: 'duplicate' } },
    ]);
    const badKey = await t.request(
      'PATCH',
      '/api/v1/org/settings',
      { followUps: { outcomes: [{ key: 'Has Space', name: 'x' }] } },
      auth(),
    );
    expect(badKey.status).toBe(400);
    const reset = await t.request('PATCH', '/api/v1/org/settings', { followUps: null }, auth());
    expect(reset.body.org.settings.followUps).toBeUndefined();
    const again = await t.request('POST', `/api/v1/leads/${lead.code}/follow-ups`, call(), auth());
    expect(again.body.followUp.outcomeName).toBe('约到试用');
  });
});
