import type { BackupTexts } from './backup-texts.js';

export const backupTextsZhCN: BackupTexts = {
  failedTitle: '备份失败',
  failedBody: (at) => `${at} 的自动备份没有完成，今天还没有可用的新备份。请尽快处理，然后手动备份一次。`,
  reasons: {
    disk_full: '备份目录所在的磁盘已满',
    no_access: '服务没有备份目录的写入权限',
    database: '读取数据库时出错',
    other: '备份过程中出错，详情见服务日志',
  },
  reason: '原因',
  drillPassedTitle: '备份演练通过',
  drillFailedTitle: '备份演练未通过',
  drillPassed: (documents, seconds) => `备份演练通过：${documents} 条记录，耗时 ${seconds} 秒`,
  drillFailed: '最新备份恢复后与备份清单不一致，这份备份可能无法完整恢复数据，请尽快检查。',
  backupOf: '演练的备份',
  noBackup: '没有找到可演练的备份：自动备份可能没有运行，请检查。',
  restoreFailed: '恢复到演练库时出错，详情见服务日志。',
  differences: '不一致之处',
  difference: (collection, what, expected, actual) => {
    if (what === 'count') return `${collection}：记录数应为 ${expected}，实为 ${actual}`;
    if (what === 'missing_file') return `${collection}：备份中缺少这部分数据`;
    return `${collection}：校验值不符`;
  },
  collections: {
    leads: '线索',
    follow_ups: '跟进记录',
    customers: '客户',
    orders: '订单',
    complaints: '投诉',
    tasks: '售后任务',
    members: '成员',
    teams: '团队',
    orgs: '组织设置',
    campaigns: '推广活动',
    counters: '编号计数',
    api_tokens: '接口令牌',
    outbox: '待发消息',
    sent_messages: '已发消息记录',
    chat_drafts: '聊天草稿',
    sandbox_messages: '沙盒消息',
  },
  otherData: '其他数据',
};
