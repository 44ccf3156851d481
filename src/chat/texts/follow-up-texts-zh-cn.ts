import type { DraftTexts, FollowUpTexts } from './follow-up-texts.js';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const pad = (n: number) => String(n).padStart(2, '0');
const weekday = (y: number, m: number, d: number) => WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];

export const followUpTextsZhCN: FollowUpTexts = {
  channels: { phone: '电话', wechat: '微信', visit: '拜访', email: '邮件', other: '其他' },
  when: (w) => `${w.month}月${w.day}日 ${weekday(w.year, w.month, w.day)} ${pad(w.hour)}:${pad(w.minute)}`,
  nextContact: (when) => `下次联系 ${when}`,
  recorded: (parts) => `已记录：${parts.join(' · ')}`,
  ask: {
    channel: '这次用什么方式联系的？电话、微信、拜访、邮件或其他',
    content: '这次沟通了什么？直接回复内容即可',
    nextContactAt: '下次什么时候联系？例如：明天上午10点',
  },
  notUnderstood: {
    channel: '没看懂联系方式，请回复：电话、微信、拜访、邮件或其他（回复「取消」放弃）',
    content: '请回复这次沟通的内容（回复「取消」放弃）',
    nextContactAt:
      '没看懂时间，请换个说法，例如：明天上午10点、后天下午、下周一、12月5日 14:00（回复「取消」放弃）',
  },
  prompt: (code) =>
    `记录跟进：一行写完，例如\n/跟进 ${code} 电话 约到试用 下次 明天上午10点 客户要报价单\n也可以直接回复，我一项项问你。`,
  button: '记录跟进',
  form: {
    title: '记录跟进',
    submit: '记录',
    channel: '联系方式',
    outcome: '结果',
    content: '沟通内容',
    nextStep: '下一步',
    nextContact: '下次联系时间',
    nextContactHint: '例如：明天上午10点、下周一、12月5日 14:00',
    required: '请填写这一项',
    badTime: '没看懂这个时间，例如：明天上午10点',
    unknownChoice: '请从列表中选择',
  },
};

export const draftTextsZhCN: DraftTexts = {
  expired: '上一次的问题已超过 30 分钟未回复，已作废。请重新发送命令。',
  cancelled: '已取消，没有记录任何内容。',
};
