import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/storage/connect-database.js';
import { type DevDbServer, startDevDbServer } from '../../src/storage/dev-db-server.js';
import { bindModels, type Models } from '../../src/storage/models.js';
import { type ServiceProcess, startService } from '../support/service-process.js';
import { advanceAll, deliveredEverywhere, drained, metricSum, untilTrue } from './instances.js';

// Three `npm start` processes on ONE database (a dev server of this file's own), jobs on in all of them.
// The sandbox clock is per process (an offset in memory): the test moves every instance's clock by the same
// amount at once (advanceAll), as one shared clock would; each instance then runs every job at that moment, so the
// sweeps race each other on purpose, besides Agenda's own schedule in each process.
let db: DevDbServer;
let connection: Connection;
let models: Models;
let dirs: string[] = [];
let [a, b, c] = [] as unknown as [ServiceProcess, ServiceProcess, ServiceProcess];
const base = 4200 + Math.floor(Math.random() * 500);

function start(port: number, uri: string): ServiceProcess {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'leadrelay-multi-'));
  dirs.push(dataDir);
  // Every notice on its own: the counts below compare messages with deliveries one to one.
  return startService({
    port,
    dataDir,
    env: { MONGODB_URI: uri, DEMO_ORG: 'true', OUTBOX_COALESCE_MS: '0' },
  });
}

beforeAll(async () => {
  db = await startDevDbServer();
  const uri = db.uri.replace('/?', '/multi?');
  // The first creates the demo org; the others start once it exists (two first starts would race to create it).
  a = start(base, uri);
  await a.waitFor('Leadrelay listening', 90_000);
  b = start(base + 1, uri);
  c = start(base + 2, uri);
  await Promise.all([b.waitFor('Leadrelay listening', 90_000), c.waitFor('Leadrelay listening', 90_000)]);
  connection = await connectDatabase({ uri });
  models = bindModels(connection);
}, 240_000);

afterAll(async () => {
  for (const service of [a, b, c]) {
    if (service && service.child.exitCode === null && service.child.signalCode === null) {
      service.signalGroup('SIGTERM');
      await service.exited;
    }
  }
  await connection?.close();
  await db?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
}, 120_000);

const campaignLeads = (from: number, n: number, campaign: string) =>
  Array.from({ length: n }, (_, i) => ({
    name: `客户${from + i}`,
    phone: `1370000${String(from + i).padStart(4, '0')}`,
    region: ['江苏', '上海', '北京', '广东'][i % 4],
    source: 'ad',
    campaign,
  }));

const leadsOf = (campaign: string) =>
  models.Lead.find({ campaign }).lean<{ _id: unknown; history: { type: string }[]; status: string }[]>();
const eventsOf = (lead: { history: { type: string }[] }, type: string) =>
  lead.history.filter((e) => e.type === type).length;

describe('three instances on one database, jobs on in all', () => {
  it('take a campaign batch in once and deliver every card exactly once, whichever instance delivers', async () => {
    const answer = await a.post('/api/v1/leads:batch', { leads: campaignLeads(0, 30, '双十二') });
    expect(answer.status).toBe(200);
    await drained(models);
    const leads = await leadsOf('双十二');
    expect(leads).toHaveLength(30);
    for (const lead of leads) expect(eventsOf(lead, 'assigned') + eventsOf(lead, 'pooled')).toBe(1);
    // Each delivery an instance made is counted by it: summed over the three, exactly one per message sent.
    await deliveredEverywhere(models, [a, b, c]);
    expect(await metricSum([a, b, c], 'leadrelay_outbox_deliveries_total', 'outcome="dead"')).toBe(0);
  }, 180_000);

  it('move every lead one rung at a time, once per rung, with all three sweeping at the same moments', async () => {
    // Ten days on, then a few minutes more, each time on all three at once: every ladder step comes due.
    await advanceAll([a, b, c], '10d');
    for (let i = 0; i < 4; i++) await advanceAll([a, b, c], '2m');
    await drained(models);
    const leads = await leadsOf('双十二');
    const owned = leads.filter((l) => eventsOf(l, 'assigned') === 1);
    expect(owned.length).toBeGreaterThan(0);
    for (const lead of owned) {
      expect(eventsOf(lead, 'nudged')).toBe(1);
      expect(eventsOf(lead, 'escalated')).toBe(1);
      expect(eventsOf(lead, 'reclaimed')).toBe(1);
    }
    await deliveredEverywhere(models, [a, b, c]);
  }, 240_000);

  it('send the morning agenda and the weekly digest once, with all three checking the same minute', async () => {
    const now = new Date((await (await fetch(`${a.baseUrl}/sandbox/api/clock`)).json()).now);
    // The next Monday 09:05 in Asia/Shanghai (UTC+8, no daylight saving): both are due then.
    const local = new Date(now.getTime() + 8 * 3_600_000);
    const daysToMonday = (8 - local.getUTCDay()) % 7 || 7;
    const target = Date.UTC(
      local.getUTCFullYear(),
      local.getUTCMonth(),
      local.getUTCDate() + daysToMonday,
      1,
      5,
    );
    await advanceAll([a, b, c], `${Math.ceil((target - now.getTime()) / 60_000)}m`);
    await advanceAll([a, b, c], '1m');
    await drained(models);
    const day = new Date(target + 8 * 3_600_000).toISOString().slice(0, 10);
    const agendas = await models.OutboxEntry.find({
      kind: 'plan.agenda',
      idempotencyKey: { $regex: `:${day}$` },
    }).lean();
    expect(agendas.length).toBeGreaterThan(0);
    const perMember = new Map<string, number>();
    for (const entry of agendas)
      perMember.set(entry.idempotencyKey, (perMember.get(entry.idempotencyKey) ?? 0) + 1);
    expect([...perMember.values()].every((n) => n === 1)).toBe(true);
    const digests = await models.OutboxEntry.find({
      kind: 'report.card',
      idempotencyKey: { $regex: '^digest:' },
    }).lean();
    expect(digests.length).toBeGreaterThan(0);
    // The ten days crossed a Monday too: each week's digest once, one card per recipient, one marker per week.
    const weeks = new Set(digests.map((d) => d.idempotencyKey.split(':')[2]));
    expect(new Set(digests.map((d) => d.idempotencyKey)).size).toBe(digests.length);
    expect(await models.DigestRun.countDocuments({})).toBe(weeks.size);
    const perWeek = [...weeks].map((w) => digests.filter((d) => d.idempotencyKey.split(':')[2] === w).length);
    expect(new Set(perWeek).size).toBe(1);
    await deliveredEverywhere(models, [a, b, c]);
  }, 240_000);

  it('give a button click the same effect whichever instance it reaches, the same click on two at once', async () => {
    // A pool card's 领取 button on a lead the ladder reclaimed, clicked by a rep of its team who did not own it.
    type Pooled = {
      _id: { toHexString(): string };
      teamId?: unknown;
      lastReclaim?: { fromOwnerId: unknown };
    };
    const pooled = await models.Lead.find({ campaign: '双十二', status: 'pooled' }).lean<Pooled[]>();
    const reps = await models.Member.find({ roles: 'rep' }).lean<{ _id: unknown; teamId?: unknown }[]>();
    const pick = pooled
      .map((lead) => ({
        lead,
        rep: reps.find(
          (r) =>
            String(r.teamId) === String(lead.teamId) &&
            String(r._id) !== String(lead.lastReclaim?.fromOwnerId),
        ),
      }))
      .find((p) => p.rep);
    expect(pick).toBeDefined();
    const leadId = pick!.lead._id.toHexString();
    const card = await models.SandboxMessage.findOne({
      'card.buttons': { $elemMatch: { actionId: 'lead.claim', value: leadId } },
    }).lean();
    expect(card).not.toBeNull();
    const click = {
      member: String(pick!.rep!._id),
      message: card!._id.toHexString(),
      actionId: 'lead.claim',
      value: leadId,
      eventId: 'click-multi-1',
    };
    // The same click delivered to two instances at once (a platform retrying it on another).
    const answers = await Promise.all([
      a.post('/sandbox/api/actions', click),
      c.post('/sandbox/api/actions', click),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const after = await models.Lead.findById(leadId).lean<{
      status: string;
      ownerId: unknown;
      history: { type: string }[];
    }>();
    expect(after!.status).toBe('claimed');
    expect(String(after!.ownerId)).toBe(click.member);
    expect(eventsOf(after!, 'claimed')).toBe(1);
    await drained(models);
    await deliveredEverywhere(models, [a, b, c]);
  }, 120_000);

  it('finish the work of an instance killed with SIGKILL mid-run: nothing lost, nothing doubled', async () => {
    const batch = b.post('/api/v1/leads:batch', { leads: campaignLeads(1000, 30, '年货节') });
    // Killed while its batch is being answered and its cards delivered.
    await untilTrue(async () => (await models.Lead.countDocuments({ campaign: '年货节' })) >= 10, 60_000);
    b.signalGroup('SIGKILL');
    await b.exited;
    await batch.catch(() => undefined);
    const taken = await models.Lead.countDocuments({ campaign: '年货节' });
    // A lease it held runs out in app time: moving the survivors' clocks past it lets them take it over.
    await advanceAll([a, c], '3m');
    await advanceAll([a, c], '1m');
    await drained(models);
    const leads = await leadsOf('年货节');
    expect(leads).toHaveLength(taken);
    for (const lead of leads) expect(eventsOf(lead, 'assigned') + eventsOf(lead, 'pooled')).toBe(1);
    const waiting = await models.OutboxEntry.countDocuments({ status: { $in: ['pending', 'sending'] } });
    expect(waiting).toBe(0);
    expect(await models.OutboxEntry.countDocuments({ status: 'dead' })).toBe(0);
    // Every post of the killed instance's leads reached the sandbox once (its store is unique by outbox key).
    const posts = await models.OutboxEntry.find(
      { status: 'sent', mode: 'post' },
      { idempotencyKey: 1 },
    ).lean();
    const shown = await models.SandboxMessage.countDocuments({
      idempotencyKey: { $in: posts.map((p) => p.idempotencyKey) },
    });
    expect(shown).toBe(posts.length);
  }, 240_000);
});
