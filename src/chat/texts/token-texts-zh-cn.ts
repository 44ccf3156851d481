import type { TokenChatTexts } from './token-texts.js';

const EXAMPLE = '例如 /令牌 新建 报表脚本';

export const tokenTextsZhCN: TokenChatTexts = {
  created: ({ name, prefix, secret }) =>
    `已新建 API 令牌「${name}」。令牌只显示这一次，请立即复制保存，不要发给任何人：\n${secret}\n` +
    `用它调用 Leadrelay 的 API，权限与你本人相同。不再需要时发送「/令牌 撤销 ${prefix}」。`,
  listTitle: (count) => `你的 API 令牌（${count} 个）：`,
  line: ({ name, prefix, created, lastUsed }) =>
    `· ${name} · 前缀 ${prefix} · 创建于 ${created} · ${lastUsed ? `最近使用 ${lastUsed}` : '从未使用'}`,
  none: `你还没有 API 令牌。发送「/令牌 新建 名称」新建一个，${EXAMPLE}`,
  revoked: (name, prefix) => `已撤销令牌「${name}」（前缀 ${prefix}），之后用它发出的请求都会被拒绝。`,
  alreadyRevoked: (name, prefix) => `令牌「${name}」（前缀 ${prefix}）之前已经撤销了。`,
  dmOnly: '为了保护令牌，/令牌 只能在你和 Leadrelay 的私聊中使用，这里什么也没有做。请到私聊中再发一次。',
  noName: `请写上令牌的名称，方便以后辨认，${EXAMPLE}`,
  nameTaken: (name) => `名称「${name}」已经被使用了，请换一个名称。`,
  nameTooLong: (max) => `名称太长了，最多 ${max} 个字，请换一个短一些的名称。`,
  noRef: '要撤销哪个令牌？请写上它的前缀或名称，例如 /令牌 撤销 报表脚本（发送 /令牌 查看你的令牌）',
  unknown: (word) => `看不懂“${word}”。可以发送 /令牌 查看、/令牌 新建 名称、/令牌 撤销 前缀或名称`,
  errors: {
    TOKEN_NOT_FOUND: (d) => `你没有前缀或名称为「${String(d.ref ?? '')}」的令牌。发送 /令牌 查看你的令牌。`,
    TOKEN_AMBIGUOUS: (d) =>
      `「${String(d.ref ?? '')}」对应了你的 ${String(d.count ?? '多')} 个令牌，没有撤销任何一个。请写出完整的前缀或名称。`,
  },
};
