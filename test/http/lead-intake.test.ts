import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const auth = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${t.token}`, ...extra });
const post = (body: unknown, headers: Record<string, string> = {}) =>
  t.request('POST', '/api/v1/leads', body, auth(headers));

async function members() {
  return (await t.request('GET', '/sandbox/api/members')).body as {
    id: string;
    name: string;
    team: string | null;
  }[];
}

describe('POST /api/v1/leads', () => {
  it('routes a Shanghai lead round-robin inside 华东销售组 and says why', async () => {
    const res = await post({
      name: '王总',
      phone: '+86 138-1234-0001',
      company: '上海云杉科技有限公司',
      region: '上海',
      source: 'website',
      intent: '想要报价',
    });
    expect(res.status).toBe(201);
    const lead = res.body.lead;
    expect(lead.status).toBe('assigned');
    expect(lead.pool).toBe('private');
    expect(lead.assignment.rule.id).toBe('east-china');
    expect(lead.assignment.strategy).toBe('round_robin');
    expect(lead.assignment.reasonCode).toBe('rule_matched');
    const team = (await members()).filter((m) => m.team === '华东销售组');
    expect(team.map((m) => m.id)).toContain(lead.ownerId);
    // The manager is in the team but is not a rep: the explanation names them as skipped.
    expect(lead.assignment.skipped).toEqual([{ memberId: expect.any(String), why: 'not_a_rep' }]);
    expect(lead.reclaimAt).toBeDefined();
    expect(lead.contact.phone).toBe('13812340001');
  });

  it('answers a replay with the first result and creates nothing new', async () => {
    const body = { name: '李四', phone: '13900000002', source: 'ad' };
    const first = await post(body, { 'idempotency-key': 'req-1' });
    expect(first.status).toBe(201);
    const again = await post(body, { 'idempotency-key': 'req-1' });
    expect(again.status).toBe(200);
    expect(again.body.lead.id).toBe(first.body.lead.id);
    const ext = { phone: '13900000003', source: 'ad', externalId: 'fb-77' };
    const a = await post(ext);
    const b = await post(ext);
    expect([a.status, b.status]).toEqual([201, 200]);
    expect(b.body.lead.id).toBe(a.body.lead.id);
  });

  it('names every bad field and stores nothing', async () => {
    const res = await post({ phone: 'abc', email: 'nope', source: 'Web Site!', extra: 1 });
    expect(res.status).toBe(400);
    const fields = res.body.error.details.issues.map((i: { field: string }) => i.field).sort();
    // The unknown key is named as the field (issue #10 item 9; it was reported as "(body)" before).
    expect(fields).toEqual(['email', 'extra', 'phone', 'source'].sort());
    const none = await post({ name: 'no contact', source: 'api' });
    expect(none.status).toBe(400);
    expect(none.body.error.details.issues[0].field).toBe('phone');
  });

  it('refuses without a token', async () => {
    const res = await t.request('POST', '/api/v1/leads', { phone: '13900000009', source: 'api' });
    expect(res.status).toBe(401);
  });

  it('blocks a 撞单: the second lead of one customer is a duplicate, unassigned, and the first owner is told', async () => {
    const first = await post({
      name: '赵六',
      phone: '13700000001',
      company: '杭州明远贸易有限公司',
      region: '浙江',
      source: 'website',
    });
    const dup = await post({ name: '赵六', phone: '137 0000 0001', source: 'ad', campaign: '双11' });
    expect(dup.status).toBe(201);
    expect(dup.body.lead.status).toBe('duplicate');
    expect(dup.body.lead.duplicateOf).toBe(first.body.lead.id);
    expect(dup.body.lead.ownerId).toBeUndefined();
    const byCompany = await post({
      email: 'boss@mingyuan.cn',
      company: '杭州明远贸易（杭州）有限公司',
      source: 'event',
    });
    expect(byCompany.body.lead.duplicateOf).toBe(first.body.lead.id);
    await t.app.outboxPump.runNow();
    const owner = first.body.lead.ownerId;
    const inbox = (await t.request('GET', `/sandbox/api/messages?member=${owner}`)).body as {
      card?: { title: string; markdown?: string };
    }[];
    const notices = inbox.filter((m) => m.card?.title.includes('撞单'));
    expect(notices.length).toBe(2);
    expect(notices[0]!.card!.markdown).toContain('广告');
  });
});

describe('lead card → claim', () => {
  it('puts a card in the owner DM, phone masked, and unmasks it for the owner once claimed', async () => {
    const res = await post({
      name: '钱七',
      phone: '13812345678',
      region: '江苏',
      source: 'api',
      intent: '需要试用账号',
    });
    const lead = res.body.lead;
    await t.app.outboxPump.runNow();
    const dm = (await t.request('GET', `/sandbox/api/messages?member=${lead.ownerId}`)).body as {
      id: string;
      card?: {
        title: string;
        fields: { label: string; value: string }[];
        buttons: { actionId: string; value: string }[];
      };
    }[];
    const card = dm.find((m) => m.card?.buttons.some((b) => b.value === lead.id));
    expect(card).toBeDefined();
    expect(card!.card!.fields.find((f) => f.label === '手机')?.value).toBe('138****5678');
    expect(card!.card!.buttons.map((b) => b.actionId)).toEqual(['lead.claim', 'lead.release', 'lead.why']);

    const click = await t.request('POST', '/sandbox/api/actions', {
      member: lead.ownerId,
      message: card!.id,
      actionId: 'lead.claim',
      value: lead.id,
    });
    expect(click.body.ok).toBe(true);
    await t.app.outboxPump.runNow();
    const after = (await t.request('GET', `/sandbox/api/messages?member=${lead.ownerId}`)).body as typeof dm;
    const updated = after.find((m) => m.id === card!.id)!;
    expect(updated.card!.fields.find((f) => f.label === '手机')?.value).toBe('13812345678');
    expect(updated.card!.buttons.map((b) => b.actionId)).toEqual([
      'lead.follow_up',
      'lead.release',
      'lead.why',
    ]);

    const detail = await t.request('GET', `/api/v1/leads/${lead.id}`, undefined, auth());
    expect(detail.body.lead.status).toBe('claimed');
    expect(detail.body.lead.history.map((h: { type: string }) => h.type)).toEqual(['assigned', 'claimed']);
    // The short code names the same lead on every API path, in any case and without its prefix.
    expect(detail.body.lead.code).toMatch(/^L-\d+$/);
    const byCode = await t.request(
      'GET',
      `/api/v1/leads/${detail.body.lead.code.slice(2)}`,
      undefined,
      auth(),
    );
    expect(byCode.body.lead.id).toBe(lead.id);
    const lower = await t.request(
      'GET',
      `/api/v1/leads/${detail.body.lead.code.toLowerCase()}`,
      undefined,
      auth(),
    );
    expect(lower.body.lead.id).toBe(lead.id);
  });
});
