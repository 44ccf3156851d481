import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { type SandboxMsg, sandboxMessages } from './support/sandbox-messages.js';
import { api, pumpUntil } from './support/story.js';
import { assignedTask, click, say } from './support/task-steps.js';

// Issue #15 point 7 in the sandbox, on the real stack: an admin types /成员 离职 张伟 交接给 李娜, gets the
// confirmation card, says yes, and 李娜 gets one card for all of 张伟's leads; /member leave 许亮 to pool is
// cancelled once (nothing changes), then confirmed: his task goes to the after-sales manager, who gets one card.

const o = zhCN.offboarding;
let t: TestApp;
let phone = 13900081000;
type Member = { id: string; name: string; roles: string[]; active?: boolean };

beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(() => t.close());

const members = async () => (await api(t, 'GET', '/members')).body.members as Member[];
const named = async (name: string) => (await members()).find((m) => m.name === name)!;

/** The newest card in the member's DM whose title starts so, once it is there. */
async function cardIn(memberId: string, title: string): Promise<SandboxMsg> {
  let found: SandboxMsg | undefined;
  await pumpUntil(
    t,
    async () => {
      found = (await sandboxMessages(t, memberId)).filter((m) => m.card?.title.startsWith(title)).at(-1);
      return found !== undefined;
    },
    `a card “${title}…”`,
  );
  return found!;
}

/** `n` leads owned by `owner`: taken in over HTTP, then assigned to them by hand. */
async function leadsFor(ownerName: string, n: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < n; i++) {
    const made = await api(t, 'POST', '/leads', {
      phone: String(++phone),
      region: '上海',
      source: 'website',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const code = made.body.lead.code as string;
    if (made.body.lead.ownerName !== ownerName) {
      const moved = await api(t, 'POST', `/leads/${code}:assign`, { to: ownerName, force: true });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    }
    codes.push(code);
  }
  await t.app.outboxPump.runNow();
  return codes;
}

describe('sandbox: /成员 离职 … with a confirmation', () => {
  it('hands 张伟’s leads to 李娜 after the yes, in one card to 李娜; a rep may not do it', async () => {
    const admin = await named('周建国');
    const lina = await named('李娜');
    const zhangwei = await named('张伟');
    const codes = await leadsFor('张伟', 3);
    const refused = await say(t, lina.id, '/成员 离职 张伟 交接给 李娜');
    expect(refused.ok).toBe(false);
    expect(refused.replies[0]?.text).toBe(zhCN.errors.FORBIDDEN({}));

    await say(t, admin.id, '/成员 离职 张伟 交接给 李娜');
    const confirm = await cardIn(admin.id, '确认：');
    expect(confirm.card?.title).toBe('确认：张伟离职，3 条线索交给李娜？');
    expect(confirm.card?.buttons.map((b) => b.label)).toEqual(['确认', '取消']);
    // Nothing has changed before the yes.
    expect((await named('张伟')).active).not.toBe(false);

    const done = await click(
      t,
      admin.id,
      confirm,
      confirm.card!.buttons[0]!.actionId,
      confirm.card!.buttons[0]!.value,
    );
    expect(done.ok).toBe(true);
    expect(done.replies[0]?.text).toContain('张伟已离职：3 条线索已交给李娜');
    for (const code of codes) {
      const lead = (await api(t, 'GET', `/leads/${code}`)).body.lead;
      expect(lead).toMatchObject({ ownerId: lina.id, status: 'claimed' });
    }
    const card = await cardIn(lina.id, '张伟离职');
    expect(card.card?.title).toBe('张伟离职，3 条线索已交接给你');
    const handOverCards = (await sandboxMessages(t, lina.id)).filter((m) =>
      m.card?.title.startsWith('张伟离职'),
    );
    expect(handOverCards).toHaveLength(1);
    // 张伟 can no longer act; clicking 确认 again is told it was done, and by whom.
    const again = await click(
      t,
      admin.id,
      confirm,
      confirm.card!.buttons[0]!.actionId,
      confirm.card!.buttons[0]!.value,
    );
    expect(again.replies[0]?.text).toBe(o.errors.MEMBER_ALREADY_LEFT({ name: '张伟', byName: '周建国' }));
    const gone = await say(t, zhangwei.id, '/线索');
    expect(gone.ok).toBe(false);
  }, 120_000);

  it('cancels on 取消, then sends 许亮’s task to the after-sales manager on the yes', async () => {
    const admin = await named('周建国');
    const story = await assignedTask(t);
    await say(t, admin.id, `/member leave ${story.staff.name} to pool`);
    const first = await cardIn(admin.id, '确认：许亮');
    expect(first.card?.title).toBe(`确认：许亮离职，0 条线索回到公海，1 个任务交给${story.manager.name}？`);
    const cancelled = await click(
      t,
      admin.id,
      first,
      first.card!.buttons[1]!.actionId,
      first.card!.buttons[1]!.value,
    );
    expect(cancelled.replies[0]?.text).toBe(o.cancelled('许亮'));
    expect((await named('许亮')).active).not.toBe(false);

    const done = await click(
      t,
      admin.id,
      first,
      first.card!.buttons[0]!.actionId,
      first.card!.buttons[0]!.value,
    );
    expect(done.replies[0]?.text).toContain(`1 个任务已交给${story.manager.name}`);
    const task = await t.app.models.Task.findById(story.taskId).lean();
    expect(task?.assigneeId.toHexString()).toBe(story.manager.id);
    expect(task?.openAssigneeId?.toHexString()).toBe(story.manager.id);
    const card = await cardIn(story.manager.id, '许亮离职');
    expect(card.card?.title).toBe('许亮离职，1 个售后任务已交接给你');
  }, 120_000);

  it('asks which one when two active members share the receiver’s name, then confirms with the chosen one', async () => {
    const admin = await named('周建国');
    const bd = (await api(t, 'GET', '/teams')).body.teams.find((x: { name: string }) => x.name === 'BD组');
    const twin = new Types.ObjectId();
    await t.app.models.Member.collection.insertOne({
      _id: twin,
      orgId: new Types.ObjectId(t.orgId),
      name: '李娜',
      roles: ['rep'],
      level: 'junior',
      teamId: new Types.ObjectId(bd.id),
      availability: 'available',
      active: true,
      identities: [],
    });
    await say(t, admin.id, '/成员 离职 刘洋 交接给 李娜');
    const which = await cardIn(admin.id, o.whichOne('李娜'));
    expect(which.card?.buttons.map((b) => b.label).sort()).toEqual(['李娜 · BD组', '李娜 · 华东销售组']);
    const choice = which.card!.buttons.find((b) => b.label === '李娜 · BD组')!;
    await click(t, admin.id, which, choice.actionId, choice.value);
    const confirm = await cardIn(admin.id, '确认：刘洋');
    expect(confirm.card?.title).toMatch(/^确认：刘洋离职，\d+ 条线索交给李娜？$/);
    expect(confirm.card?.buttons[0]?.value).toContain(twin.toHexString());
  });

  it('asks back when the name is not known, and explains the usage on a bad form', async () => {
    const admin = await named('周建国');
    const unknown = await say(t, admin.id, '/成员 离职 不存在的人 交接给 公海');
    expect(unknown.replies[0]?.text).toBe(zhCN.errors.MEMBER_NOT_FOUND({}));
    const bad = await say(t, admin.id, '/成员 离职 刘洋');
    expect(bad.ok).toBe(false);
    expect(bad.replies[0]?.text).toContain('/成员 离职 姓名 交接给');
  });
});
