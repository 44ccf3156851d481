import { describe, expect, it } from 'vitest';
import { TASK_ACTIONS, taskCard } from '../../src/chat/render/task-card.js';
import { en } from '../../src/chat/texts/en.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import type { TaskCardData } from '../../src/core/after-sales/index.js';
import { memberId } from '../../src/core/shared/ids.js';

// The task card for each moment and each reader: the headline first (time left, late, paused, in review, decided),
// and only the buttons the status allows that reader.
const STAFF = memberId('00000000000000000000a003');
const MANAGER = memberId('00000000000000000000a001');
const REP = memberId('00000000000000000000a005');
const DUE = '2026-03-02T06:00:00.000Z';

const base: TaskCardData = {
  taskId: 'task-1',
  code: 'T-1001',
  complaintCode: 'TS-1001',
  moment: 'assigned',
  status: 'open',
  priority: 'urgent',
  customerName: '上海云启',
  assigneeId: STAFF,
  assigneeName: '许亮',
  managerIds: [MANAGER],
  problem: '设备无法开机',
  dueAt: DUE,
  at: '2026-03-02T02:00:00.000Z',
  paused: false,
};

const draw = (data: Partial<TaskCardData>, reader = STAFF, texts = zhCN) =>
  taskCard(
    { ...base, ...data },
    {
      texts,
      locale: texts === zhCN ? 'zh-CN' : 'en',
      timeZone: 'Asia/Shanghai',
      to: { kind: 'member', memberId: reader },
    },
  ).card;

const labels = (data: Partial<TaskCardData>, reader = STAFF) =>
  draw(data, reader)?.buttons.map((b) => b.label);

describe('the task card', () => {
  it('shows the customer, the problem first and the time left at the moment', () => {
    const card = draw({});
    expect(card?.title).toBe('任务单 T-1001 · 上海云启');
    expect(card?.status).toBe('待处理 · 还剩 4 小时');
    expect(card?.fields[0]).toEqual({ label: '问题', value: '设备无法开机' });
    expect(card?.fields[1]).toEqual({ label: '要求完成时间', value: '03/02 14:00' });
  });

  it.each<[Partial<TaskCardData>, string]>([
    [{ moment: 'remind', status: 'in_progress', at: '2026-03-02T05:00:00.000Z' }, '处理中 · 还剩 1 小时'],
    [{ moment: 'due', status: 'in_progress', at: DUE }, '处理中 · 已到期'],
    [
      { moment: 'assigned', status: 'in_progress', at: '2026-03-02T08:30:00.000Z' },
      '处理中 · 已逾期 2 小时 30 分',
    ],
    [{ status: 'paused', paused: true, pauseReason: 'parts' }, '已暂停 · 已暂停（等配件），暂停期间不计时'],
    [{ moment: 'review', status: 'in_review', reportedHours: 3.5 }, '待审核 · 已填报 3.5 小时，等待主管审核'],
    [
      { moment: 'returned', status: 'in_progress', note: '请补充' },
      '处理中 · 已退回，请按退回原因处理后重新填报',
    ],
    [
      { moment: 'approved', status: 'approved', approvedHours: 3, approvedByName: '高峰', overdue: true },
      '已完成 · 已批准 3 小时（高峰） · 逾期完成',
    ],
  ])('headline %#', (data, status) => {
    expect(draw(data)?.status).toBe(status);
  });

  it('gives the assignee the buttons the status allows', () => {
    expect(labels({ status: 'open' })).toEqual(['开始处理', '填报工时', '暂停（等客户）', '暂停（等配件）']);
    expect(labels({ status: 'in_progress' })).toEqual(['填报工时', '暂停（等客户）', '暂停（等配件）']);
    expect(labels({ status: 'paused', pauseReason: 'customer' })).toEqual(['继续']);
    expect(labels({ status: 'in_review' })).toEqual([]);
    expect(draw({ status: 'paused' })?.buttons[0]).toMatchObject({
      actionId: TASK_ACTIONS.resume,
      value: 'task-1',
    });
    expect(draw({})?.buttons[3]).toMatchObject({ actionId: TASK_ACTIONS.pause, value: 'task-1:parts' });
  });

  it('gives the managers the approval buttons while in review, and anyone else none', () => {
    const review = { moment: 'review', status: 'in_review', reportedHours: 3.5 } as const;
    expect(labels(review, MANAGER)).toEqual(['批准 3.5 小时', '调整工时', '退回']);
    expect(labels({ ...review, status: 'approved', approvedHours: 3 }, MANAGER)).toEqual([]);
    expect(labels({ status: 'in_progress' }, MANAGER)).toEqual([]);
    expect(labels(review, REP)).toEqual([]);
  });

  it('speaks English to an English reader', () => {
    const card = draw({ moment: 'remind', status: 'in_progress', at: '2026-03-02T05:00:00.000Z' }, STAFF, en);
    expect(card?.status).toBe('In progress · 1 h left');
    expect(card?.buttons.map((b) => b.label)).toEqual(['Report hours', 'Pause (customer)', 'Pause (parts)']);
  });
});
