import { Types } from 'mongoose';
import { expect } from 'vitest';
import type { TestApp } from '../../support/test-app.js';
import { type SandboxMsg, sandboxMessages } from './sandbox-messages.js';
import { api, pumpUntil } from './story.js';

// The task side of the after-sales story (issue #13) on the sandbox, step by step, for task-hours.test.ts and the
// whole-story test: the assigned task card, 开始处理, the 75 % reminder, /工时, the approval card, 调整工时, resolved.

export type Msg = SandboxMsg;

export type TaskStory = {
  readonly staff: { readonly id: string; readonly name: string };
  readonly manager: { readonly id: string; readonly name: string };
  readonly complaintId: string;
  readonly taskId: string;
  readonly taskCode: string;
};

const messagesOf = sandboxMessages;

/** The member's copies of the task's card (each place it was posted), as they stand now. */
export async function taskCards(t: TestApp, memberId: string, taskCode: string): Promise<Msg[]> {
  return (await messagesOf(t, memberId)).filter((m) => m.card?.title.includes(taskCode));
}

/** The bot's plain answers in the member's DM, oldest first. */
export async function answersTo(t: TestApp, memberId: string): Promise<string[]> {
  return (await messagesOf(t, memberId))
    .filter((m) => !m.card && m.conversation === `dm:${memberId}` && !m.fromMember)
    .map((m) => m.text);
}

/** A customer with one order (as the customers domain's 成交 writes them), a complaint on it, assigned over the API. */
export async function assignedTask(t: TestApp): Promise<TaskStory> {
  const members = (await api(t, 'GET', '/members')).body.members as {
    id: string;
    name: string;
    roles: string[];
  }[];
  const staff = members.find((m) => m.roles.length === 1 && m.roles[0] === 'aftersales');
  const manager = members.find((m) => m.roles.includes('aftersales_manager'));
  expect(staff && manager).toBeTruthy();
  const db = t.app.models.Lead.db;
  const orgId = new Types.ObjectId(t.orgId);
  const customer = new Types.ObjectId();
  await db.collection('customers').insertOne({
    _id: customer,
    orgId,
    leadId: new Types.ObjectId(),
    name: '上海云启',
    contacts: [],
    createdAt: new Date(),
  });
  const number = `SO-${customer.toHexString().slice(-6).toUpperCase()}`;
  await db.collection('orders').insertOne({
    orgId,
    number,
    customerId: customer,
    items: '服务器 2 台',
    amount: 98_000,
    contractNo: `HT-${number}`,
    signedAt: new Date('2026-01-15T00:00:00Z'),
    createdAt: new Date(),
  });
  const raised = await api(t, 'POST', '/complaints', {
    customerId: customer.toHexString(),
    orderNumber: number,
    priority: 'urgent',
    category: '设备故障',
    description: '设备无法开机',
  });
  expect(raised.status, JSON.stringify(raised.body)).toBe(201);
  const assigned = await api(t, 'POST', `/complaints/${raised.body.complaint.id}:assign`, {
    assigneeId: staff?.id,
  });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
  return {
    staff: staff as TaskStory['staff'],
    manager: manager as TaskStory['manager'],
    complaintId: raised.body.complaint.id,
    taskId: assigned.body.task.id,
    taskCode: assigned.body.task.code,
  };
}

/** Waits for the member's card of the task to show `status`, and returns it. */
export async function cardShowing(
  t: TestApp,
  memberId: string,
  code: string,
  status: string | RegExp,
  /** That message only (a member may have several copies of the card). */
  id?: string,
): Promise<Msg> {
  let found: Msg | undefined;
  await pumpUntil(
    t,
    async () => {
      found = (await taskCards(t, memberId, code)).find(
        (m) =>
          (id === undefined || m.id === id) &&
          (typeof status === 'string' ? m.card?.status === status : status.test(m.card?.status ?? '')),
      );
      return found !== undefined;
    },
    `the card of ${code} showing “${status}”`,
  );
  return found as Msg;
}

/** Clicks a button of the card as the member; the handler's answer. */
export async function click(t: TestApp, memberId: string, card: Msg, actionId: string, value?: string) {
  const res = await t.request('POST', '/sandbox/api/actions', {
    member: memberId,
    message: card.id,
    actionId,
    ...(value ? { value } : {}),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { ok: boolean; replies: { text?: string }[] };
}

/** Types a command or a plain answer to the bot in the member's DM; the handler's answer. */
export async function say(t: TestApp, memberId: string, text: string) {
  const res = await t.request('POST', '/sandbox/api/commands', { member: memberId, text });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { ok: boolean; replies: { text?: string }[] };
}

/** Moves the sandbox's clock on: the jobs run (the SLA sweep among them) and their cards are delivered. */
export async function advanceClock(t: TestApp, advance: string): Promise<void> {
  const res = await t.request('POST', '/sandbox/api/clock', { advance });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}
