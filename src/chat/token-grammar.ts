/**
 * What `/令牌` (`/token`) is asked: nothing or 列表 / list to see the member's tokens, 新建 / new with a name to make
 * one, 撤销 / revoke with a prefix or name to revoke one. The name and the reference are kept as typed (words joined
 * by one space: `/令牌 新建 报表 脚本` names 报表 脚本); only the sub-command word is folded.
 */
export type TokenAsk =
  | { readonly kind: 'list' }
  | { readonly kind: 'new'; readonly name: string }
  | { readonly kind: 'revoke'; readonly ref: string };

export type TokenAskProblem =
  /** 新建 without a name: names tell tokens apart in the list and in the audit trail. */
  | { readonly kind: 'no_name' }
  | { readonly kind: 'name_too_long'; readonly max: number }
  /** 撤销 without saying which. */
  | { readonly kind: 'no_ref' }
  /** A first word that is no sub-command, as typed. */
  | { readonly kind: 'unknown'; readonly word: string };

export type TokenAskResult =
  | { readonly ok: true; readonly ask: TokenAsk }
  | { readonly ok: false; readonly problem: TokenAskProblem };

/** As the core's rule for a token's name (create-member-token.ts): checked here too, to answer in words. */
export const TOKEN_NAME_MAX = 64;

// 新建 is what Chinese software says for "new"; 创建, 新增 and 生成 are what people type as well.
const NEW = new Set(['new', 'create', '新建', '创建', '新增', '生成']);
const LIST = new Set(['list', 'ls', '列表', '查看', '我的']);
// 撤销 is the word the list and the answers use; 吊销, 作废 and 删除 are what people type as well.
const REVOKE = new Set(['revoke', 'delete', '撤销', '吊销', '作废', '删除']);

const fold = (word: string) => word.normalize('NFKC').toLowerCase();

export function parseTokenAsk(args: readonly string[]): TokenAskResult {
  const [first, ...rest] = args;
  if (first === undefined || LIST.has(fold(first))) return { ok: true, ask: { kind: 'list' } };
  const text = rest.join(' ').trim();
  if (NEW.has(fold(first))) {
    if (!text) return { ok: false, problem: { kind: 'no_name' } };
    if (text.length > TOKEN_NAME_MAX)
      return { ok: false, problem: { kind: 'name_too_long', max: TOKEN_NAME_MAX } };
    return { ok: true, ask: { kind: 'new', name: text } };
  }
  if (REVOKE.has(fold(first))) {
    return text
      ? { ok: true, ask: { kind: 'revoke', ref: text } }
      : { ok: false, problem: { kind: 'no_ref' } };
  }
  return { ok: false, problem: { kind: 'unknown', word: first } };
}
