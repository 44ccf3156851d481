import type { TaskChatTexts } from './task-chat-texts.js';

/** "2 小时 30 分", "3 天 2 小时", "45 分钟": the largest two units, to the nearest minute (a sweep runs a few seconds late). */
function durationZh(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`;
  if (hours > 0) return mins > 0 ? `${hours} 小时 ${mins} 分` : `${hours} 小时`;
  return `${mins} 分钟`;
}

const PAUSE = { customer: '等客户', parts: '等配件' } as const;

export const taskChatTextsZhCN: TaskChatTexts = {
  cardTitle: (code, customer) => `任务单 ${code} · ${customer}`,
  left: (d) => `还剩 ${d}`,
  late: (d) => `已逾期 ${d}`,
  dueNow: '已到期',
  duration: durationZh,
  pausedFor: (reason) => `已暂停（${PAUSE[reason]}），暂停期间不计时`,
  inReview: (hours) => `已填报 ${hours}，等待主管审核`,
  returned: '已退回，请按退回原因处理后重新填报',
  approvedBy: (hours, by, overdue) =>
    `已批准 ${hours}${by ? `（${by}）` : ''} · ${overdue ? '逾期完成' : '按时完成'}`,
  problem: '问题',
  buttons: {
    start: '开始处理',
    report: '填报工时',
    pause: { customer: '暂停（等客户）', parts: '暂停（等配件）' },
    resume: '继续',
    approve: (hours) => `批准 ${hours}`,
    adjust: '调整工时',
    return: '退回',
  },
  started: (code) => `已开始处理 ${code}，完成后请点“填报工时”或发送 /工时。`,
  paused: (code, reason) => `${code} 已暂停（${PAUSE[reason]}），暂停期间不计时；可以继续时点“继续”。`,
  resumed: (code, due) => `${code} 已继续处理，要求完成时间顺延到 ${due}。`,
  hours: {
    ask: {
      task: '填报哪张任务单的工时？请回复任务单号，例如：T-12',
      completedAt: '什么时候完成的？例如：今天16:30',
      hours: '用了多少小时？例如：3.5小时',
      result: '处理结果是什么？例如：已更换电源模块',
    },
    notUnderstood: {
      task: '没看懂任务单号，请回复例如：T-12',
      completedAt: '没看懂完成时间，请回复例如：今天16:30、昨天下午5点',
      hours: '没看懂工时，请回复例如：3.5小时、3小时30分、90分钟',
      result: '请写一句处理结果，例如：已更换电源模块',
    },
    example: (code) => `填报工时可以一句话发送，例如：/工时 ${code} 完成于 今天16:30 3.5小时 已更换电源模块`,
    submitted: (code, when, hours) => `已提交：${code} · 完成于 ${when} · ${hours}，等待主管审核`,
  },
  form: {
    title: (code) => `填报工时 ${code}`,
    submit: '提交',
    completedAt: '实际完成时间',
    completedAtHint: '例如：今天16:30',
    hours: '工时（小时）',
    hoursHint: '例如：3.5',
    result: '处理结果',
    required: '请填写这一项',
    badTime: '没看懂这个时间，例如：今天16:30',
    timeAhead: '完成时间不能晚于现在',
    badHours: '没看懂工时，例如：3.5、3小时30分',
    adjustTitle: (code) => `调整工时 ${code}`,
    returnTitle: (code) => `退回 ${code}`,
    reason: '退回原因',
  },
  decision: {
    askHours: '核定多少小时？例如：3',
    askReason: '退回原因是什么？处理人会收到这条原因。',
    badHours: '没看懂工时，请回复例如：3、2.5小时',
    approved: (code, hours, overdue) => `已批准 ${code}：${hours}（${overdue ? '逾期完成' : '按时完成'}）`,
    returned: (code) => `已退回 ${code}，处理人会收到退回原因。`,
  },
  list: {
    mine: (n) => `我的任务（${n}）`,
    team: (n) => `团队的未完成任务（${n}）`,
    none: '你手上没有未完成的任务，辛苦了！',
    noneInTeam: '团队里没有未完成的任务。',
    line: (p) =>
      [
        `${p.late ? '⚠️ 逾期 ' : ''}${p.code}`,
        p.customer,
        `要求 ${p.due} 前完成`,
        p.status,
        ...(p.assignee ? [p.assignee] : []),
      ].join(' · '),
  },
};
