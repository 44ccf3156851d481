import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeStage, type StageDeps } from '../../src/core/customers/index.js';
import { memberCaller } from '../../src/core/org/caller.js';
import { fixedClock } from '../../src/core/shared/clock.js';
import { orgId, teamId } from '../../src/core/shared/ids.js';
import { bindModels, ensureIndexes, type Models } from '../../src/storage/models.js';
import { mongoPendingCustomers } from '../../src/storage/repositories/customer-pending-leads.js';
import { mongoCustomerRepository } from '../../src/storage/repositories/customer-repository.js';
import { mongoLeadRepository } from '../../src/storage/repositories/lead-repository.js';
import { mongoOrderRepository } from '../../src/storage/repositories/order-repository.js';
import { FakeMemberRepository, FakeNotifier, makeMember, makeOrg } from '../core/fakes.js';
import { openTestDatabase } from '../support/test-database.js';

// What a stage change costs the database, counted by the driver's command monitor (the notices go to a fake: the
// outbox's own cost is the notifier's). A regression here is a new query on every /阶段.

const ORG = orgId('00000000000000000000a001');
const TEAM = teamId('00000000000000000000b001');
const AT = new Date('2026-03-02T02:00:00Z');
const REP = makeMember('00000000000000000000c001', { orgId: ORG, teamId: TEAM, name: '张伟' });

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let models: Models;
const started: string[] = [];
beforeAll(async () => {
  db = await openTestDatabase({ monitorCommands: true });
  models = bindModels(db.connection);
  await ensureIndexes(models);
  db.connection.getClient().on('commandStarted', (e) => started.push(e.commandName));
});
afterAll(() => db.close());

async function counted(run: () => Promise<unknown>): Promise<string[]> {
  started.length = 0;
  await run();
  return [...started];
}

describe('the database commands of a stage change', () => {
  it('costs 2 for 报价 (read, conditional write) and 8 for 成交 with its customer, order and mark', async () => {
    const org = makeOrg({ id: ORG });
    const leads = mongoLeadRepository(models);
    const deps: StageDeps = {
      leads,
      customers: mongoCustomerRepository(models),
      orders: mongoOrderRepository(models),
      pendingCustomers: mongoPendingCustomers(models),
      members: new FakeMemberRepository([REP]),
      notifier: new FakeNotifier(),
      clock: fixedClock(AT),
    };
    const stored = await leads.insert({
      orgId: ORG,
      contact: { name: '王磊', company: '星河科技' },
      source: 'web',
      tags: [],
      score: 50,
      grade: 'normal',
      status: 'claimed',
      teamId: TEAM,
      ownerId: REP.id,
      history: [],
      version: 1,
      createdAt: AT,
      updatedAt: AT,
    });
    if (!('lead' in stored)) throw new Error('insert refused');
    const caller = memberCaller(org, REP, 'zh-CN');
    const id = stored.lead.id;
    const quote = await counted(() =>
      changeStage(deps, caller, { leadId: id, to: '报价', quote: { amount: 1, items: 'x' } }),
    );
    expect(quote).toEqual(['find', 'findAndModify']);
    const deal = { contractNo: 'HT-1', amount: 1, signedAt: AT };
    const won = await counted(() => changeStage(deps, caller, { leadId: id, to: '成交', deal }));
    // read, contract check, write; customer upsert, order check, number, insert; mark cleared.
    expect(won).toEqual([
      'find',
      'find',
      'findAndModify',
      'findAndModify',
      'find',
      'findAndModify',
      'insert',
      'update',
    ]);
  });
});
