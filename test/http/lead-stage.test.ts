import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

// `POST /api/v1/leads/:ref/stage` on the demo org, through the real stack and database.

let t: TestApp;
let aftersalesId: string;
beforeAll(async () => {
  t = await startTestApp();
  // The demo org has no after-sales member; the hand-off is DMed to each one there is.
  aftersalesId = new Types.ObjectId().toHexString();
  await t.app.models.Member.collection.insertOne({
    _id: new Types.ObjectId(aftersalesId),
    orgId: new Types.ObjectId(t.orgId),
    name: '周售后',
    roles: ['aftersales'],
    level: 'senior',
    availability: 'available',
    active: true,
    identities: [{ platform: 'sandbox', userId: 'aftersales-1' }],
  });
});
afterAll(() => t.close());

const auth = () => ({ authorization: `Bearer ${t.token}` });
const stage = (ref: string, body: unknown) => t.request('POST', `/api/v1/leads/${ref}/stage`, body, auth());

async function newLead(phone: string) {
  const created = await t.request(
    'POST',
    '/api/v1/leads',
    { name: '王磊', phone, company: `星河科技${phone.slice(-2)}`, region: '上海', source: 'website' },
    auth(),
  );
  return created.body.lead as { id: string; code: string; teamId: string };
}

describe('POST /api/v1/leads/:ref/stage', () => {
  it('refuses 报价 without its evidence, naming each missing field, in the API’s words', async () => {
    const lead = await newLead('13812340001');
    const refused = await stage(lead.code, { to: '报价' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect(refused.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual([
      'quote.amount',
      'quote.items',
    ]);
    const unknown = await stage(lead.code, { to: 'signed' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('STAGE_NOT_FOUND');
  });

  it('moves a lead by code into 报价, then 成交: a customer, an order and the hand-off in the outbox', async () => {
    const lead = await newLead('13812340002');
    const quoted = await stage(lead.code.toLowerCase(), {
      to: 'quote',
      quote: { amount: 50000, items: '服务器2台' },
    });
    expect(quoted.body.error).toBeUndefined();
    expect(quoted.status).toBe(200);
    expect(quoted.body.stage).toMatchObject({ key: 'quote', name: '报价', quote: { amount: 50000 } });
    expect(quoted.body.lead.history.at(-1)).toMatchObject({ type: 'stage_changed' });
    const deal = { contractNo: `HT-${lead.code}`, amount: 48000, signedAt: '2026-12-01' };
    const won = await stage(lead.id, { to: '成交', deal });
    expect(won.status).toBe(200);
    expect(won.body.customer).toMatchObject({ leadId: lead.id, name: '星河科技02' });
    expect(won.body.order).toMatchObject({ contractNo: deal.contractNo, amount: 48000, items: '服务器2台' });
    expect(won.body.order.number).toMatch(/^SO-\d+$/);
    expect(won.body.stage.customerPending).toBeUndefined();
    // One quote card: entering 成交 keeps the quote on the stage (the order's items) but is no new quote.
    const quoteCards = await t.app.models.OutboxEntry.collection
      .find({ kind: 'stage.quote', 'data.leadId': lead.id })
      .toArray();
    expect(quoteCards).toHaveLength(1);
    // The lead itself, read back, carries its stage, deal and customer (the API's lead shape shows its progress).
    const read = await t.request('GET', `/api/v1/leads/${lead.code}`, undefined, auth());
    expect(read.body.lead).toMatchObject({
      stage: { key: 'won', deal: { contractNo: deal.contractNo, amount: 48000 } },
      customerId: won.body.customer.id,
    });
    expect(read.body.lead.stage.deal.signedAt).toMatch(/^2026-1[12]-\d\dT/);
    const again = await stage(lead.code, { to: '成交', deal });
    expect(again.body).toMatchObject({ changed: false, order: { id: won.body.order.id } });
    const handOffs = await t.app.models.OutboxEntry.collection.find({ kind: 'customer.hand_off' }).toArray();
    expect(handOffs.map((e) => e.to)).toEqual(
      expect.arrayContaining([
        { kind: 'team', teamId: lead.teamId },
        { kind: 'member', memberId: aftersalesId },
      ]),
    );
    // The team channel and one DM per active after-sales member (the demo's and ours), each once despite the retry.
    const aftersales = await t.app.models.Member.collection.countDocuments({
      roles: 'aftersales',
      active: true,
    });
    expect(handOffs).toHaveLength(1 + aftersales);
    const taken = await stage((await newLead('13812340003')).code, { to: '成交', deal });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('CONTRACT_NO_TAKEN');
  });

  it('makes one customer and one order of two 成交 sent at once', async () => {
    const lead = await newLead('13812340004');
    const deal = { contractNo: `HT-${lead.code}`, amount: 1000, signedAt: '2026-12-01' };
    const both = await Promise.all([
      stage(lead.code, { to: '成交', deal }),
      stage(lead.code, { to: '成交', deal }),
    ]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(new Set(both.map((r) => r.body.order.id)).size).toBe(1);
    const customers = await t.app.models.Customer.collection.countDocuments({
      leadId: new Types.ObjectId(lead.id),
    });
    const orders = await t.app.models.Order.collection.countDocuments({ contractNo: deal.contractNo });
    expect([customers, orders]).toEqual([1, 1]);
  });

  it('answers 404 for a lead that does not exist and 400 for an unknown field', async () => {
    expect((await stage('L-999999', { to: '意向' })).status).toBe(404);
    const lead = await newLead('13812340005');
    const bad = await stage(lead.code, { to: '报价', quote: { amount: 1, items: 'x', colour: 'red' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('quote.colour');
  });

  // Last in the file: it changes the demo org's stages for every later request.
  it('uses the stages an admin set in the org settings, and refuses a pipeline that does not start at lead', async () => {
    const stages = {
      stages: [
        { key: 'lead', name: '新线索', kind: 'open', requires: [] },
        { key: 'demo', name: '演示', kind: 'open', requires: ['quote.items'] },
        { key: 'won', name: '签约', kind: 'won', requires: [] },
      ],
      lossReasons: ['其他'],
      quoteFollowUpDays: 5,
      lostPoolCooldownDays: 1,
    };
    const bad = await t.request(
      'PATCH',
      '/api/v1/org/settings',
      { stages: { ...stages, stages: stages.stages.slice(1) } },
      auth(),
    );
    expect(bad.status).toBe(400);
    const set = await t.request('PATCH', '/api/v1/org/settings', { stages }, auth());
    expect(set.status).toBe(200);
    const lead = await newLead('13812340006');
    const refused = await stage(lead.code, { to: '演示' });
    expect(refused.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(['quote.items']);
    const moved = await stage(lead.code, { to: '演示', quote: { items: '演示环境' } });
    expect(moved.body.stage).toMatchObject({ key: 'demo', name: '演示', kind: 'open' });
  });
});
