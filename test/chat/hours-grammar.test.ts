import { describe, expect, it } from 'vitest';
import { parseCompletionTime, parseHoursAmount, parseHoursLine } from '../../src/chat/hours-grammar.js';
import type { NaturalTimeOptions } from '../../src/chat/natural-time.js';
import { wallTimeOf } from '../../src/core/shared/zoned-time.js';

// The one-line hours report (issue #13, item 5) over real phrasings, Chinese and English, full-width, parts in any
// order. The clock: Wednesday 2 December 2026, 17:00 in Shanghai.
const NOW = new Date('2026-12-02T09:00:00Z');
const ZH = { now: NOW, timeZone: 'Asia/Shanghai', locale: 'zh-CN' } as const;
const EN = { ...ZH, locale: 'en' } as const;

function wall(at: Date | undefined): string {
  if (!at) return 'none';
  const w = wallTimeOf(at, 'Asia/Shanghai');
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}`;
}

const read = (line: string, options: NaturalTimeOptions = ZH) => {
  const p = parseHoursLine(line, options);
  return [p.taskRef ?? 'none', wall(p.completedAt), p.hours ?? 'none', p.result ?? 'none'];
};

describe('parseHoursLine: the whole line', () => {
  it.each([
    ['T-12 完成于 今天16:30 3.5小时 已更换电源模块', 'T-12', '12-02 16:30', 3.5, '已更换电源模块'],
    ['T-12 3小时30分 完成于16:30 已更换电源模块', 'T-12', '12-02 16:30', 3.5, '已更换电源模块'],
    ['T-12 两个半小时 今天下午4点半 换了电源', 'T-12', '12-02 16:30', 2.5, '换了电源'],
    ['T-12 90分钟 16:00 重启后恢复', 'T-12', '12-02 16:00', 1.5, '重启后恢复'],
    [
      'Ｔ－１２ 完成于 今天１６：３０ ３．５小时 已更换电源模块',
      'T-12',
      '12-02 16:30',
      3.5,
      '已更换电源模块',
    ],
    ['T-12　完成于　今天16:30　3.5小时　已更换电源模块', 'T-12', '12-02 16:30', 3.5, '已更换电源模块'],
    ['T-12 已更换电源模块，用时3.5小时，完成于今天16:30', 'T-12', '12-02 16:30', 3.5, '已更换电源模块'],
    ['T-12 今天16:30完成，共3.5小时，已更换电源模块', 'T-12', '12-02 16:30', 3.5, '已更换电源模块'],
    [
      'T-12 用时：3.5小时；完成时间：今天16:30；结果：已更换电源模块',
      'T-12',
      '12-02 16:30',
      3.5,
      '已更换电源模块',
    ],
    ['T-12 昨天18:00 完成 4小时 更换主板', 'T-12', '12-01 18:00', 4, '更换主板'],
    ['t12 半小时 刚刚 远程指导客户重启', 'T-12', '12-02 17:00', 0.5, '远程指导客户重启'],
    ['T-12 周一 上午10点 三小时 上门维修', 'T-12', '11-30 10:00', 3, '上门维修'],
    ['T-12 16:30 3.5小时 换了 2 个模块', 'T-12', '12-02 16:30', 3.5, '换了 2 个模块'],
    ['T-12 完成于 12月1日 18:00 2小时 ok', 'T-12', '12-01 18:00', 2, 'ok'],
    ['T-12 完成于 今天 下午四点 3.5 已处理', 'T-12', '12-02 16:00', 3.5, '已处理'],
    ['T-12 三个小时 今天上午10点 调试', 'T-12', '12-02 10:00', 3, '调试'],
    ['T-12 1小时45分钟 今天14:00 更换风扇', 'T-12', '12-02 14:00', 1.75, '更换风扇'],
    ['T-12 一个半小时 上午11点 培训', 'T-12', '12-02 11:00', 1.5, '培训'],
    ['T-12 十二小时 昨天 下午 5 点 通宵抢修', 'T-12', '12-01 17:00', 12, '通宵抢修'],
    ['T-12 3.5 h 今天 16：30 已更换', 'T-12', '12-02 16:30', 3.5, '已更换'],
    ['T-12 昨天 下午 5 点 2 小时 ok', 'T-12', '12-01 17:00', 2, 'ok'],
    ['T-12 2 16:30 换线', 'T-12', '12-02 16:30', 2, '换线'],
    ['T-12-2 完成于 今天15:00 2小时 第二次上门', 'T-12-2', '12-02 15:00', 2, '第二次上门'],
    ['T-12 15:00 2个钟头 更换硬盘并恢复数据', 'T-12', '12-02 15:00', 2, '更换硬盘并恢复数据'],
    ['T-12 下午3点 45分钟 电话指导', 'T-12', '12-02 15:00', 0.75, '电话指导'],
    ['已更换电源模块 3.5h 16:30 T-12', 'T-12', '12-02 16:30', 3.5, '已更换电源模块'],
  ])('%s', (line, task, at, hours, result) => {
    expect(read(line)).toEqual([task, at, hours, result]);
  });

  it.each([
    [
      'T-12 done 16:30 3.5h replaced the power module',
      'T-12',
      '12-02 16:30',
      3.5,
      'replaced the power module',
    ],
    ['T-12 done 16:30 3.5 replaced it', 'T-12', '12-02 16:30', 3.5, 'replaced it'],
    ['T-12 done 16:30 3 replaced it', 'T-12', '12-02 16:30', 3, 'replaced it'],
    ['T-12 1.5 h 16:30 ok', 'T-12', '12-02 16:30', 1.5, 'ok'],
    ['T-12 done yesterday 6pm 2 hours swapped the disk', 'T-12', '12-01 18:00', 2, 'swapped the disk'],
    [
      'T-12 finished at 4:30pm, took 45 min, reset the router',
      'T-12',
      '12-02 16:30',
      0.75,
      'reset the router',
    ],
    ['T-12 2h30m yesterday 5pm fixed', 'T-12', '12-01 17:00', 2.5, 'fixed'],
    ['T-12 3 hours 15 minutes done 4pm cleaned', 'T-12', '12-02 16:00', 3.25, 'cleaned'],
    ['T-12 4 hrs done at 16:30 reinstalled', 'T-12', '12-02 16:30', 4, 'reinstalled'],
    ['T-12 0.5h just now rebooted', 'T-12', '12-02 17:00', 0.5, 'rebooted'],
    ['T-12 3.5 16:30 fixed', 'T-12', '12-02 16:30', 3.5, 'fixed'],
    ['T-12 3 days ago 4pm 2h replaced the fan', 'T-12', '11-29 16:00', 2, 'replaced the fan'],
    ['T-12 completed today 3pm 1 hour onsite visit', 'T-12', '12-02 15:00', 1, 'onsite visit'],
    ['T-12 done 16:30 90 minutes firmware updated', 'T-12', '12-02 16:30', 1.5, 'firmware updated'],
  ])('%s', (line, task, at, hours, result) => {
    expect(read(line, EN)).toEqual([task, at, hours, result]);
  });
});

describe('parseHoursLine: parts left out are left out, not guessed', () => {
  it.each([
    ['T-12 3.5小时 已更换电源模块', ['T-12', 'none', 3.5, '已更换电源模块']],
    ['T-12 完成于 今天16:30 已更换电源模块', ['T-12', '12-02 16:30', 'none', '已更换电源模块']],
    ['T-12 完成于 今天16:30 3.5小时', ['T-12', '12-02 16:30', 3.5, 'none']],
    ['完成于 今天16:30 3.5小时 已更换电源模块', ['none', '12-02 16:30', 3.5, '已更换电源模块']],
  ])('%s', (line, expected) => {
    expect(read(line)).toEqual(expected);
  });

  it('keeps a day ahead as said, for the report to refuse (明天 is not moved back to today)', () => {
    expect(read('T-12 明天10点 3h 已处理')).toEqual(['T-12', '12-03 10:00', 3, '已处理']);
  });

  it('cuts the result from what was typed, full-width and all', () => {
    expect(parseHoursLine('T-12 16:30 3.5小时 更换（Ｂ型）电源', ZH).result).toBe('更换（Ｂ型）电源');
  });
});

describe('a part given alone (the answers of the guided exchange)', () => {
  it.each([
    ['3.5', 3.5],
    ['3.5小时', 3.5],
    ['两个半小时', 2.5],
    ['3小时30分', 3.5],
    ['90分钟', 1.5],
    ['1.5 h', 1.5],
    ['３．５', 3.5],
    ['不知道', undefined],
  ])('hours: %s', (text, hours) => {
    expect(parseHoursAmount(text)).toBe(hours);
  });

  it.each([
    ['今天16:30', '12-02 16:30'],
    ['16:30', '12-02 16:30'],
    ['昨天下午5点', '12-01 17:00'],
    ['刚刚', '12-02 17:00'],
    ['yesterday 6pm', '12-01 18:00'],
    ['改天', 'none'],
  ])('time: %s', (text, at) => {
    expect(wall(parseCompletionTime(text, ZH))).toBe(at);
  });
});
