import { COMMAND_NAMES, type CommandName } from './texts/catalogue.js';

/** Chinese names people type on DingTalk and WeCom, which have no slash commands of their own. */
const ALIASES: Readonly<Record<string, CommandName>> = {
  线索: 'lead',
  公海: 'pool',
  跟进: 'followup',
  阶段: 'stage',
  今日: 'today',
  今天: 'today',
  逾期: 'overdue',
  停滞: 'stalled',
  投诉: 'complaint',
  工时: 'hours',
  我的任务: 'tasks',
  任务: 'tasks',
  报表: 'report',
  报告: 'report',
  导出: 'export',
  看板: 'dashboard',
  绑定: 'link',
  成员: 'member',
  令牌: 'token',
  帮助: 'help',
};

export type ParsedCommand = { readonly command: CommandName; readonly args: readonly string[] };

const isCommandName = (word: string): word is CommandName =>
  (COMMAND_NAMES as readonly string[]).includes(word);

/**
 * Reads a typed message as a command: `/lead L-12`, `lead L-12`, `/线索 L-12`, `／跟进 L-12 "电话沟通 有意向"`.
 * Leading @-mentions (group chats prefix them) are skipped. Returns undefined when the text is not a command.
 */
export function parseCommandText(text: string): ParsedCommand | undefined {
  // Only the command's own name is folded (／跟进 is /跟进): the arguments are kept as typed, so a reason written
  // with a full-width "，" is stored with it. Only dedupe keys are normalised, elsewhere.
  const words = splitWords(text);
  while (words[0]?.normalize('NFKC').startsWith('@')) words.shift();
  const [head, ...args] = words;
  if (head === undefined) return undefined;
  const name = head.normalize('NFKC').replace(/^\//, '');
  // Own properties only: "constructor" or "__proto__" typed to the bot must not resolve to Object's members.
  const command = isCommandName(name.toLowerCase())
    ? (name.toLowerCase() as CommandName)
    : Object.hasOwn(ALIASES, name)
      ? ALIASES[name]
      : undefined;
  return command ? { command, args } : undefined;
}

/** Splits on white space (also the ideographic space) but keeps "quoted", “quoted” and 「quoted」 text whole. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|＂([^＂]*)＂|“([^”]*)”|「([^」]*)」|(\S+)/gu;
  for (const match of text.replaceAll('\u3000', ' ').matchAll(pattern)) {
    words.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? '');
  }
  return words;
}
