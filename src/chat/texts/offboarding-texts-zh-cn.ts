import type { OffboardingTexts } from './offboarding-texts.js';

const whyZh: Readonly<Record<string, string>> = {
  leaver: '不能交接给离职的本人',
  inactive: '已停用',
  not_rep: '不是销售组里的销售或主管',
  out_of_scope: '不在你的管理范围内',
};

export const offboardingTextsZhCN: OffboardingTexts = {
  handedOverTitle: (leaver, leads, tasks, toPool) => {
    const parts = [
      ...(leads > 0 ? [`${leads} 条线索`] : []),
      ...(tasks > 0 ? [`${tasks} 个售后任务`] : []),
    ].join('、');
    return toPool ? `${leaver}离职，${parts}已回到公海` : `${leaver}离职，${parts}已交接给你`;
  },
  leadsListed: '线索（重要的在前）',
  tasksListed: '售后任务',
  important: '重要',
  more: (n) => `另有 ${n} 条`,
  confirm: (p) => {
    const leads = p.receiver ? `${p.leads} 条线索交给${p.receiver}` : `${p.leads} 条线索回到公海`;
    const tasks =
      p.tasks === 0
        ? ''
        : p.tasksTo
          ? `，${p.tasks} 个任务交给${p.tasksTo}`
          : `，${p.tasks} 个任务暂无售后经理接手`;
    return `确认：${p.leaver}离职，${leads}${tasks}？`;
  },
  confirmButton: '确认',
  cancelButton: '取消',
  cancelled: (leaver) => `已取消，${leaver}的离职交接没有执行。`,
  done: (p) => {
    const leads = p.receiver ? `${p.leads} 条线索已交给${p.receiver}` : `${p.leads} 条线索已回到公海`;
    const tasks = p.tasksTo ? `，${p.tasks} 个任务已交给${p.tasksTo}` : '';
    const left = p.tasksLeft > 0 ? `；${p.tasksLeft} 个任务没有售后经理可接手，仍待分配` : '';
    const resumed = p.resumed ? '（接续上次未完成的交接）' : '';
    return `${p.leaver}已离职${resumed}：${leads}${tasks}${left}。已吊销 ${p.tokens} 个接口令牌，解绑 ${p.identities} 个聊天账号；历史记录保留。`;
  },
  whichOne: (name) => `有不止一位成员叫${name}，请选择：`,
  usage: '用法：/成员 离职 姓名 交接给 接手人（或「交接给 公海」）',
  errors: {
    MEMBER_ALREADY_LEFT: (d) =>
      `${String(d.name ?? '该成员')}已经离职${d.byName ? `（由${String(d.byName)}办理）` : ''}，无需重复操作。`,
    OFFBOARDING_IN_PROGRESS: (d) =>
      `${String(d.byName ?? '另一位管理员')}正在办理${String(d.name ?? '该成员')}的离职交接，稍后会自动完成。`,
    HANDOVER_RECEIVER_NOT_ELIGIBLE: (d) =>
      `不能交接给${String(d.name ?? '这位成员')}：${whyZh[String(d.why)] ?? '不符合接手条件'}。`,
  },
};
