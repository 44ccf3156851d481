import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DueGroups, type DueLeadsReader, dueQuery } from '../../../src/core/follow-ups/index.js';
import type { Lead } from '../../../src/core/leads/lead-types.js';
import type { LeadRepository, NewLead } from '../../../src/core/leads/ports.js';
import { DEFAULT_ORG_SETTINGS } from '../../../src/core/org/types.js';
import { memberId, orgId, teamId } from '../../../src/core/shared/ids.js';
import { bindModels, ensureIndexes, type Models } from '../../../src/storage/models.js';
import { mongoLeadRepository } from '../../../src/storage/repositories/lead-repository.js';
import { openTestDatabase } from '../../support/test-database.js';
import { FakeLeadRepository } from '../fake-lead-repository.js';

// The plan job's and the due lists' reads, against the fake the unit tests use and the mongo repository: the same
// leads must come back, grouped and ordered alike (the fake applies core's predicate, mongo its aggregation).

const ORG = orgId('00000000000000000000a101');
const OTHER = orgId('00000000000000000000a102');
const TEAM = teamId('00000000000000000000b101');
const A = memberId('00000000000000000000c101');
const B = memberId('00000000000000000000c102');
// 10:00 in Shanghai on Wednesday 2 December 2026.
const NOW = new Date('2026-12-02T02:00:00Z');
const H = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * H);
const org = { settings: DEFAULT_ORG_SETTINGS };

type Repo = LeadRepository & DueLeadsReader;
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let models: Models;
beforeAll(async () => {
  db = await openTestDatabase();
  models = bindModels(db.connection);
  await ensureIndexes(models);
});
afterAll(() => db.close());

let n = 0;
function lead(repo: Repo, overrides: Partial<NewLead>): NewLead {
  return {
    id: repo.newId(),
    orgId: ORG,
    contact: { name: `客户${++n}` },
    source: 'web',
    tags: [],
    score: 50,
    grade: 'normal',
    status: 'claimed',
    teamId: TEAM,
    ownerId: A,
    ownerName: '张伟',
    followUpStatus: 'following',
    history: [{ type: 'claimed', at: at(-100) }],
    version: 1,
    createdAt: at(-100),
    updatedAt: at(-100),
    ...overrides,
  };
}

const names = (groups: DueGroups, list: keyof DueGroups, owner: string) =>
  groups[list].byOwner.find((g) => g.id === owner)?.leads.map((l) => l.contact.name) ?? [];

describe.each([
  ['in-memory fake', async () => new FakeLeadRepository() as Repo],
  [
    'mongo repository',
    async () => {
      await models.Lead.deleteMany({});
      return mongoLeadRepository(models);
    },
  ],
])('plan reads: %s', (_name, make) => {
  it('finds the leads whose plan step is due, oldest first, across orgs, and nothing else', async () => {
    const repo = await make();
    const put = async (o: Partial<NewLead>) => {
      const r = await repo.insert(lead(repo, o));
      return (r as { lead: Lead }).lead;
    };
    const later = await put({ plan: { dueAt: at(-1) } });
    const sooner = await put({ orgId: OTHER, plan: { dueAt: at(-2) } });
    await put({ plan: { dueAt: at(1) } });
    await put({ dueAt: at(-5) });
    expect((await repo.findPlanDue(NOW, 10)).map((l) => l.id)).toEqual([sooner.id, later.id]);
    expect((await repo.findPlanDue(NOW, 1)).map((l) => l.id)).toEqual([sooner.id]);
  });

  it('lists today, overdue and stalled by owner and by team, counted, in order, open leads only', async () => {
    const repo = await make();
    const put = (o: Partial<NewLead>) => repo.insert(lead(repo, o));
    const done = (days: number) => ({
      lastFollowUp: { id: 'f' as never, at: at(-24 * days), channel: 'phone' as const, count: 1 },
    });
    await put({ contact: { name: '今2' }, plan: { nextContactAt: at(5) } });
    await put({ contact: { name: '今1' }, plan: { nextContactAt: at(-1) } });
    await put({ contact: { name: '明天' }, plan: { nextContactAt: at(24) } });
    await put({ contact: { name: '逾1' }, plan: { nextContactAt: at(-30) }, ownerId: B });
    await put({ contact: { name: '梯' }, followUpStatus: 'unfollowed', nudgeAt: at(-2), status: 'assigned' });
    await put({
      contact: { name: '未到' },
      followUpStatus: 'unfollowed',
      nudgeAt: at(2),
      status: 'assigned',
    });
    await put({ contact: { name: '报价' }, stage: { key: 'quote', since: at(-200) }, ...done(4) });
    await put({ contact: { name: '报价新' }, stage: { key: 'quote', since: at(-200) }, ...done(2) });
    await put({ contact: { name: '重要' }, grade: 'important', ...done(6) });
    await put({ contact: { name: '普通' }, ...done(30) });
    await put({ contact: { name: '公海' }, status: 'pooled', plan: { nextContactAt: at(1) } });
    await put({ contact: { name: '别家' }, orgId: OTHER, plan: { nextContactAt: at(1) } });
    const all = await repo.findDueLists(ORG, dueQuery(org, NOW, {}, 10));
    expect(names(all, 'today', A)).toEqual(['今1', '今2']);
    expect(names(all, 'overdue', A)).toEqual(['梯']);
    expect(names(all, 'overdue', B)).toEqual(['逾1']);
    expect(names(all, 'stalled', A).sort()).toEqual(['报价', '重要'].sort());
    expect(all.today.byTeam).toEqual([expect.objectContaining({ id: TEAM, count: 2 })]);
    expect(all.overdue.byTeam[0]?.count).toBe(2);
    const mine = await repo.findDueLists(ORG, dueQuery(org, NOW, { ownerId: B }, 1));
    expect(mine.today.byOwner).toEqual([]);
    expect(mine.overdue.byOwner.map((g) => [g.id, g.count])).toEqual([[B, 1]]);
    const top = await repo.findDueLists(ORG, dueQuery(org, NOW, { teamIds: [TEAM] }, 1));
    expect(top.today.byOwner.map((g) => [g.count, g.leads.length])).toEqual([[2, 1]]);
  });
});
