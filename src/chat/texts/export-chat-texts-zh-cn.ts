import { EXPORT_KIND_NAMES, EXPORT_KINDS } from '../../core/exports/export-kinds.js';
import type { ExportChatTexts } from './export-chat-texts.js';

const kinds = EXPORT_KINDS.map((k) => EXPORT_KIND_NAMES[k]['zh-CN'].word).join('、');

export const exportChatTextsZhCN: ExportChatTexts = {
  working: (what) => `正在导出${what}…，完成后发到你的私聊`,
  what: (kind, period) => `${EXPORT_KIND_NAMES[kind]['zh-CN'].title}（${period ?? '全部'}）`,
  fileReady: (what, rows) => `${what}导出完成，共 ${rows} 条`,
  empty: (what) => `${what}没有可导出的记录`,
  failed: (what, reason) => `${what}导出失败${reason ? `：${reason}` : '，请稍后再试'}`,
  fileTooBig: (fileName, size, limit) =>
    `“${fileName}”有 ${size}，超过了聊天里单个文件 ${limit} 的上限，发不出来。请缩小时间范围（例如 /导出 跟进 本周）或按团队分开导出`,
  fileNotSent: (fileName) => `“${fileName}”试了几次都没有发出去，请稍后重新导出`,
  fileExpired: (fileName) => `“${fileName}”已过期，请重新导出`,
  noKind: `要导出什么？例如 /导出 跟进 本月（可导出：${kinds}）`,
  unknownKind: (word) => `没有“${word}”这种导出，可导出：${kinds}。例如 /导出 跟进 本月`,
  unknown: (words) => `看不懂“${words}”：时间请写 本周、上周、本月、上月、2026-11 或 11月，团队请写团队名称`,
  tooMany: '只能选一个时间段，例如 /导出 跟进 本月',
  notAllowed: (kind) => `你的角色不能导出${EXPORT_KIND_NAMES[kind]['zh-CN'].title}，如需要请联系管理员`,
};
