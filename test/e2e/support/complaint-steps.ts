import { Types } from 'mongoose';
import { expect } from 'vitest';
import type { TestApp } from '../../support/test-app.js';
import { api } from './story.js';

// Issue #13's complaint intake, as steps the platform tests and the whole-story test share: the customers and
// orders it is raised on, the after-sales centre (a team channel managed by the after-sales manager), and what the
// centre card must say before and after the assignment.

export const CUSTOMER = '上海云启';
export const OTHER_CUSTOMER = '杭州新程';
/** 上海云启's orders (newest first, as the choices list them) and 杭州新程's one. */
export const ORDERS = [
  {
    number: 'SO-2024-018',
    items: '交换机 4 台',
    contractNo: 'HT-2024-018',
    signedAt: '2024-06-20T02:00:00Z',
  },
  {
    number: 'SO-2024-017',
    items: '服务器 2 台',
    contractNo: 'HT-2024-017',
    signedAt: '2024-03-05T02:00:00Z',
  },
] as const;
export const OTHER_ORDER = 'SO-2024-030';
export const CENTRE_TEAM = '售后服务组';
export const CENTRE_CHANNEL = 'C0AFTERSALES';
export const DESCRIPTION = '设备无法开机，电源灯不亮';

export type Centre = {
  readonly customerId: string;
  readonly teamId: string;
  /** 高峰 (after-sales manager and staff), 许亮 and 唐雪 (staff), 周建国 (admin: may assign too), a rep. */
  readonly manager: { readonly id: string; readonly name: string };
  readonly admin: { readonly id: string; readonly name: string };
  readonly staff: readonly { readonly id: string; readonly name: string }[];
  readonly rep: { readonly id: string; readonly name: string };
};

type MemberRow = { id: string; name: string; roles: string[] };

/**
 * Writes the two customers and their orders as the customers domain stores them (orders intake is another part of
 * the issue), adds the after-sales team with its channel, managed by 高峰, and names it the org's complaint centre.
 */
export async function openComplaintCentre(t: TestApp, channelId = CENTRE_CHANNEL): Promise<Centre> {
  const org = new Types.ObjectId(t.orgId);
  const db = t.app.models.Customer.db;
  const customer = new Types.ObjectId();
  const other = new Types.ObjectId();
  const now = t.app.clock.now();
  await db.collection('customers').insertMany([
    { _id: customer, orgId: org, leadId: new Types.ObjectId(), name: CUSTOMER, contacts: [], createdAt: now },
    {
      _id: other,
      orgId: org,
      leadId: new Types.ObjectId(),
      name: OTHER_CUSTOMER,
      contacts: [],
      createdAt: now,
    },
  ]);
  const order = (
    customerId: Types.ObjectId,
    o: { number: string; items: string; contractNo: string; signedAt: string },
  ) => ({
    orgId: org,
    customerId,
    number: o.number,
    items: o.items,
    amount: 120_000,
    contractNo: o.contractNo,
    signedAt: new Date(o.signedAt),
    createdAt: now,
  });
  // Inserted oldest first: the reader lists a customer's orders newest first.
  await db.collection('orders').insertMany([
    order(customer, ORDERS[1]),
    order(customer, ORDERS[0]),
    order(other, {
      number: OTHER_ORDER,
      items: '存储',
      contractNo: 'HT-2024-030',
      signedAt: '2024-05-01T02:00:00Z',
    }),
  ]);
  const members = (await api(t, 'GET', '/members')).body.members as MemberRow[];
  const named = (name: string) => {
    const m = members.find((x) => x.name === name);
    expect(m, name).toBeDefined();
    return { id: m?.id ?? '', name };
  };
  const manager = named('高峰');
  const team = new Types.ObjectId();
  await db.collection('teams').insertOne({
    _id: team,
    orgId: org,
    name: CENTRE_TEAM,
    channelId,
    managerId: new Types.ObjectId(manager.id),
  });
  const settings = await api(t, 'PATCH', '/org/settings', { afterSales: { teamId: team.toHexString() } });
  expect(settings.status, JSON.stringify(settings.body)).toBe(200);
  return {
    customerId: customer.toHexString(),
    teamId: team.toHexString(),
    manager,
    admin: named('周建国'),
    staff: [named('许亮'), named('唐雪')],
    rep: named('李娜'),
  };
}

/** The centre card's title, and its status before and after the assignment (zh-CN). */
export const centreTitle = (code: string) => `客户投诉 ${code} · ${CUSTOMER}`;
export const assignedStatus = (assignee: string, task: string, due: string) =>
  `已分配给 ${assignee} · 任务 ${task} · 要求 ${due} 前完成`;
/** "12月3日 14:00" in Shanghai, as the card writes a due time. */
export function shanghaiWall(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Shanghai',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')}月${part('day')}日 ${part('hour')}:${part('minute')}`;
}

/** The refusal of 杭州新程's order for 上海云启, with 上海云启's orders numbered (text platforms). */
export const wrongOrderAnswer = () =>
  [
    `订单 ${OTHER_ORDER} 不是 ${CUSTOMER} 的订单。请回复序号，从该客户的订单中选择：`,
    `1. ${ORDERS[0].number} · ${ORDERS[0].items} · 2024年6月20日签订`,
    `2. ${ORDERS[1].number} · ${ORDERS[1].items} · 2024年3月5日签订`,
  ].join('\n');

/** The line that names the wrong order: 杭州新程's, for 上海云启. */
export const wrongOrderLine = () => `/投诉 ${CUSTOMER} ${OTHER_ORDER} 紧急 ${DESCRIPTION}`;

/** The stored complaint after the choice: 上海云启's SO-2024-017, urgent, the description as typed. */
export async function expectRaised(t: TestApp, centre: Centre, reporterId: string) {
  const list = (await api(t, 'GET', '/complaints')).body.complaints as Record<string, unknown>[];
  expect(list).toEqual([
    expect.objectContaining({
      customerId: centre.customerId,
      priority: 'urgent',
      description: DESCRIPTION,
      status: 'unassigned',
      order: expect.objectContaining({ number: ORDERS[1].number, contractNo: ORDERS[1].contractNo }),
      reporter: expect.objectContaining({ kind: 'member', memberId: reporterId }),
    }),
  ]);
  return list[0] as { id: string; code: string };
}

/** After the assignment: the complaint 已分配 to the staff member and its task, with its due time. */
export async function expectAssigned(t: TestApp, complaintId: string, assigneeId: string) {
  const list = (await api(t, 'GET', '/complaints')).body.complaints as { id: string }[];
  expect(list.find((c) => c.id === complaintId)).toMatchObject({ status: 'assigned', assigneeId });
  const tasks = (await api(t, 'GET', '/tasks')).body.tasks as {
    code: string;
    dueAt: string;
    assigneeId: string;
  }[];
  const task = tasks.find((x) => x.assigneeId === assigneeId);
  expect(task).toBeDefined();
  return task as { code: string; dueAt: string };
}
