import { Types } from 'mongoose';
import { expect } from 'vitest';
import type { TestApp } from '../../support/test-app.js';
import { memberNamed } from './platform-apps.js';
import { api, pumpUntil } from './story.js';

// The offboarding story's set-up, the same on every platform: the admin, 李娜 and 张伟 linked to their platform
// accounts, 张伟 holding open leads and an API token that works, so a platform's story states only its own steps.

export type OffboardAccounts = { readonly admin: string; readonly lina: string; readonly zhangwei: string };

export type Leaver = {
  readonly zhangweiId: string;
  readonly linaId: string;
  /** How many open leads 张伟 holds (the demo's and these), as the confirmation and the notices count them. */
  readonly open: number;
  /** The codes of the leads given to 张伟 here. */
  readonly codes: readonly string[];
  /** A request with 张伟's own API token: 200 while he works here, 401 once he has left. */
  readonly asLeaver: () => Promise<{ status: number }>;
};

/** Links the three accounts, gives 张伟 `leads` open leads (phones from `firstPhone` on) and a token, and checks both. */
export async function prepareLeaver(
  t: TestApp,
  platform: 'dingtalk' | 'wecom',
  accounts: OffboardAccounts,
  leads: { readonly count: number; readonly firstPhone: number },
): Promise<Leaver> {
  const [admin, lina, zhangwei] = [
    await memberNamed(t, '周建国'),
    await memberNamed(t, '李娜'),
    await memberNamed(t, '张伟'),
  ];
  for (const [member, userId] of [
    [admin, accounts.admin],
    [lina, accounts.lina],
    [zhangwei, accounts.zhangwei],
  ] as const) {
    const identities = [{ platform, userId }];
    const put = await api(t, 'PUT', `/members/${member.id}/identities`, { identities });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  }
  const codes: string[] = [];
  for (let i = 0; i < leads.count; i++) {
    const made = await api(t, 'POST', '/leads', {
      phone: String(leads.firstPhone + i),
      region: '上海',
      source: 'website',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const moved = await api(t, 'POST', `/leads/${made.body.lead.code}:assign`, { to: '张伟', force: true });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    codes.push(made.body.lead.code);
  }
  const open = await t.app.models.Lead.countDocuments({
    ownerId: new Types.ObjectId(zhangwei.id),
    status: { $in: ['assigned', 'claimed'] },
  });
  expect(open).toBeGreaterThanOrEqual(leads.count);
  const token = await api(t, 'POST', `/members/${zhangwei.id}/tokens`, {});
  expect(token.status, JSON.stringify(token.body)).toBe(201);
  const asLeaver = () =>
    t.request('GET', '/api/v1/leads', undefined, { authorization: `Bearer ${token.body.secret}` });
  expect((await asLeaver()).status).toBe(200);
  return { zhangweiId: zhangwei.id, linaId: lina.id, open, codes, asLeaver };
}

/** Until the outbox has delivered everything queued (its pacing holds a member's next message back a while). */
export const outboxSettled = (t: TestApp) =>
  pumpUntil(
    t,
    async () =>
      (await t.app.models.OutboxEntry.countDocuments({ status: { $in: ['pending', 'sending'] } })) === 0,
    'every queued message',
  );

/**
 * A rehire of 张伟 on the same platform account: a new member record (there is no API to add a member; they come
 * from the seed or an import, so it is inserted as an import does) in the leaver's team, linked to `userId`.
 */
export async function rehireOn(
  t: TestApp,
  platform: 'dingtalk' | 'wecom',
  leaverId: string,
  userId: string,
): Promise<string> {
  const old = await t.app.models.Member.findById(leaverId).lean();
  const id = new Types.ObjectId();
  await t.app.models.Member.collection.insertOne({
    _id: id,
    orgId: new Types.ObjectId(t.orgId),
    name: '张伟',
    roles: ['rep'],
    level: 'junior',
    ...(old?.teamId ? { teamId: old.teamId } : {}),
    availability: 'available',
    active: true,
    identities: [],
  });
  const rehire = id.toHexString();
  const linked = await api(t, 'PUT', `/members/${rehire}/identities`, { identities: [{ platform, userId }] });
  expect(linked.status, JSON.stringify(linked.body)).toBe(200);
  return rehire;
}

/** Each of these leads is now `ownerId`'s, read back through the API. */
export async function expectLeadsOwnedBy(
  t: TestApp,
  codes: readonly string[],
  ownerId: string,
): Promise<void> {
  for (const code of codes) {
    const lead = (await api(t, 'GET', `/leads/${code}`)).body.lead;
    expect(lead.ownerId).toBe(ownerId);
  }
}
