import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestDue, sendOrgDigest } from '../../src/core/reports/index.js';
import { orgId } from '../../src/core/shared/ids.js';
import { runJobsOnce } from '../../src/jobs/job-table.js';
import { reportJobs } from '../../src/jobs/report-jobs.js';
import { mongoDigestRuns } from '../../src/storage/repositories/digest-runs.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue #14's weekly digest on the sandbox clock, through the whole service: at Monday 09:00 in the org's zone the
// previous week's cards reach each team channel, each manager, the director and each rep, with their charts; any
// number of runs, restarts and runners at once send each card once; a quiet week says so; the settings move the
// day, the time and the recipients; a disabled digest sends nothing.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;
const auth = () => ({ authorization: `Bearer ${t.token}` });
/** Moves the sandbox clock on (a day at a time, so the ladder's reclaims happen on the day they are due). */
const advance = async (ms: number) => {
  // Whole days, then the rest rounded up to the minute: the clock lands within a minute after the target.
  for (let left = ms; left > 0; left -= DAY) {
    const minutes = left >= DAY ? DAY / MIN : Math.ceil(left / MIN);
    const res = await t.request('POST', '/sandbox/api/clock', { advance: `${minutes}m` });
    expect(res.status).toBe(200);
  }
};
/** Moves the sandbox clock to the next local `weekday` (1 Monday … 7 Sunday) at hh:mm in Shanghai. */
const toNext = async (weekday: number, hh: number, mm = 0) => {
  const local = t.app.clock.now().getTime() + SHANGHAI;
  const midnight = Math.floor(local / DAY) * DAY;
  const today = ((new Date(midnight).getUTCDay() + 6) % 7) + 1;
  let target = midnight + ((weekday - today + 7) % 7) * DAY + hh * HOUR + mm * MIN;
  if (target <= local) target += 7 * DAY;
  await advance(target - local);
};
/** The ISO week (`2026-W48`) the digest sent now covers: last week's. */
const lastWeek = () => {
  const local = new Date(t.app.clock.now().getTime() + SHANGHAI - 7 * DAY);
  const thursday = new Date(local.getTime() + (3 - ((local.getUTCDay() + 6) % 7)) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
};
const cardsOf = async (week: string) =>
  t.app.models.OutboxEntry.find({ kind: 'report.card', idempotencyKey: new RegExp(`:${week}:`) }).lean();
type Delivered = {
  conversation: string;
  card?: { title: string; status?: string };
  images?: { alt: string }[];
};
/** The digest cards the sandbox shows for that week ("2026年第48周周报 · …"), by conversation. */
const delivered = async (week: string) => {
  const [year, w] = week.split('-W');
  const title = `${year}年第${Number(w)}周周报`;
  const all = await t.app.models.SandboxMessage.find({ 'card.title': new RegExp(`^${title}`) }).lean();
  return all as unknown as Delivered[];
};
const setDigest = async (digest: unknown) => {
  const res = await t.request('PATCH', '/api/v1/org/settings', { reports: { digest } }, auth());
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
const people = async () => {
  const members = await t.app.repos.members.list(orgId(t.orgId), { activeOnly: true });
  const teams = await t.app.repos.teams.list(orgId(t.orgId));
  const has = (role: string) => members.filter((m) => m.roles.includes(role as never)).map((m) => m.id);
  return { teams, managers: has('manager'), directors: has('director'), reps: has('rep') };
};
/** Another process's job table on the same database (its own in-memory "done" set). */
const otherProcess = () =>
  runJobsOnce(
    reportJobs({
      ...t.app.repos,
      runs: mongoDigestRuns(t.app.models),
      notifier: t.app.notifier,
      clock: t.app.clock,
    }),
  );
let phone = 13500000000;
const newLead = async () => {
  const lead = { phone: String(++phone), region: '上海', source: 'web', name: `客户${phone % 1000}` };
  const res = await t.request('POST', '/api/v1/leads', lead, auth());
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.lead as { code: string; ownerId: string };
};
const followUp = async (code: string) => {
  const nextContactAt = new Date(t.app.clock.now().getTime() + 2 * DAY).toISOString();
  const call = { channel: 'phone', content: '客户要报价单', outcome: 'trial-booked', nextContactAt };
  const res = await t.request('POST', `/api/v1/leads/${code}/follow-ups`, call, auth());
  expect(res.status, JSON.stringify(res.body)).toBe(201);
};

describe('the weekly digest', () => {
  it('goes at Monday 09:00 local to every team channel, manager, director and rep, once whatever runs it', async () => {
    await toNext(2, 10);
    // Three leads on Tuesday: two followed up an hour later, the third left to the ladder (reclaimed on Thursday).
    const leads = [await newLead(), await newLead(), await newLead()];
    await advance(HOUR);
    for (const lead of leads.slice(0, 2)) await followUp(lead.code);
    // 08:58 (the clock also runs in real time: a minute's margin before the slot).
    await toNext(1, 8, 58);
    const week = lastWeek();
    expect(await cardsOf(week)).toHaveLength(0);
    // 09:00: this app's job table and two more processes' job tables run at the same moment.
    t.app.clock.advance(2 * MIN);
    await Promise.all([t.app.runJobs(), otherProcess()(), otherProcess()()]);
    await t.app.outboxPump.runNow();
    const { teams, managers, directors, reps } = await people();
    const sent = await cardsOf(week);
    const to = sent.map((c) => c.to as { kind: string; teamId?: string; memberId?: string });
    expect(
      to
        .filter((r) => r.kind === 'team')
        .map((r) => r.teamId)
        .sort(),
    ).toEqual(teams.map((x) => x.id).sort());
    const dms = to.flatMap((r) => (r.kind === 'member' ? [r.memberId] : [])).sort();
    expect(dms).toEqual([...managers, ...directors, ...reps].sort());
    // A second run, a restart (a fresh job table), and a day later: nothing more.
    await advance(MIN);
    await otherProcess()();
    await advance(DAY);
    expect(await cardsOf(week)).toHaveLength(sent.length);
    const views = new Map(sent.map((c) => [c.idempotencyKey, (c.data as { view: string }).view]));
    expect([...views.values()].sort()).toEqual(
      [...teams.map(() => 'team'), ...managers.map(() => 'team'), 'org', ...reps.map(() => 'rep')].sort(),
    );
    // A rep's card holds their own row only, beside the team's medians.
    const repCards = sent.filter((c) => (c.data as { view: string }).view === 'rep');
    const mine = repCards.find((c) => (c.to as { memberId: string }).memberId === leads[0]?.ownerId);
    const report = (mine!.data as { report: { reps: { memberId: string }[]; teamMedians?: unknown } }).report;
    expect(report.reps.map((r) => r.memberId)).toEqual([leads[0]?.ownerId]);
    expect(report.teamMedians).toBeDefined();
    // The team's card ranks the three reps who had a lead; the reclaimed one first (worst unfollowed rate).
    const ranked = sent
      .filter((c) => (c.to as { kind: string }).kind === 'team')
      .map((c) => (c.data as { report: { reps: { memberId: string; unfollowed: number }[] } }).report.reps)
      .find((reps) => reps.length > 0);
    expect(ranked?.map((r) => r.memberId)).toEqual([leads[2]?.ownerId, leads[0]?.ownerId, leads[1]?.ownerId]);
    expect(ranked?.[0]?.unfollowed).toBe(1);
    // Delivered: one card in each team channel and in each recipient's DM, the active team's with its charts.
    const shown = await delivered(week);
    expect(shown).toHaveLength(sent.length);
    expect(new Set(shown.map((m) => m.conversation)).size).toBe(sent.length);
    const channels = shown.filter((m) => m.conversation.startsWith('channel:'));
    expect(channels.map((m) => m.conversation).sort()).toEqual(
      teams.map((x) => `channel:${x.channelId}`).sort(),
    );
    const withCharts = shown.filter((m) => (m.images ?? []).length > 0);
    // The active team's channel and manager, the director, and the three reps who had a lead.
    expect(withCharts).toHaveLength(6);
    expect(withCharts.every((m) => m.images?.every((i) => i.alt.length > 0))).toBe(true);
  }, 60_000);

  it('says so when the week was quiet', async () => {
    await toNext(1, 9, 1);
    const week = lastWeek();
    const shown = await delivered(week);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((m) => (m.images ?? []).length === 0)).toBe(true);
    expect(shown.every((m) => m.card?.status?.includes('没有新分配的线索'))).toBe(true);
  });

  it('resumes a run that crashed after taking its marker: the cards go once, after the lease', async () => {
    await toNext(1, 8, 58);
    const week = lastWeek();
    // A runner took the week at 09:00 and died before sending anything.
    const runs = mongoDigestRuns(t.app.models);
    const at = () => new Date(t.app.clock.now().getTime() + 2 * MIN);
    expect(await runs.take(orgId(t.orgId), week, at(), 15 * MIN)).toBe('taken');
    await advance(2 * MIN);
    expect(await cardsOf(week)).toHaveLength(0);
    await advance(16 * MIN);
    const sent = await cardsOf(week);
    expect(sent.length).toBeGreaterThan(0);
    await advance(20 * MIN);
    await otherProcess()();
    expect(await cardsOf(week)).toHaveLength(sent.length);
    // Next week a runner publishes every card and dies before marking the week done: the run is taken over after
    // the lease and publishes the same keys, which the outbox drops.
    await toNext(1, 8, 58);
    const next = lastWeek();
    const org = (await t.app.repos.orgs.get(orgId(t.orgId)))!;
    const now = at();
    expect(await runs.take(org.id, next, now, 15 * MIN)).toBe('taken');
    const deps = { ...t.app.repos, runs, notifier: t.app.notifier, clock: t.app.clock };
    const published = await sendOrgDigest(deps, org, digestDue(org, now)!);
    expect(await cardsOf(next)).toHaveLength(published);
    await advance(20 * MIN);
    expect(await cardsOf(next)).toHaveLength(published);
    expect(await runs.take(org.id, next, t.app.clock.now(), 15 * MIN)).toBe('done');
  }, 60_000);

  it('follows the settings: another day and time, some recipients, and nothing when disabled', async () => {
    const bad = { reports: { digest: { weekday: 8, time: '9:00', recipients: { everyone: true } } } };
    const refused = await t.request('PATCH', '/api/v1/org/settings', bad, auth());
    expect(refused.status).toBe(400);
    await setDigest({ weekday: 3, time: '14:30', recipients: { reps: false, teamChannels: false } });
    // Into the next week (the one before was sent by the test above), to its Monday after 09:00: not yet.
    await toNext(2, 0);
    await toNext(1, 9, 30);
    const week = lastWeek();
    expect(await cardsOf(week)).toHaveLength(0);
    await toNext(3, 14, 28);
    expect(await cardsOf(week)).toHaveLength(0);
    await advance(2 * MIN);
    const { managers, directors } = await people();
    const sent = await cardsOf(week);
    expect(sent.map((c) => (c.to as { memberId: string }).memberId).sort()).toEqual(
      [...managers, ...directors].sort(),
    );
    await setDigest({ enabled: false });
    await toNext(1, 9, 30);
    await advance(2 * DAY);
    expect(await cardsOf(lastWeek())).toHaveLength(0);
    await setDigest({});
  }, 120_000);
});
