import type { SlackBlock } from './block-kit.js';

/**
 * The Home tab for now: what the bot is and how to talk to it, in both languages (the member's locale is not looked
 * up here). The member's open leads belong here once a use-case lists them for the Home tab; not built yet.
 */
export function homeBlocks(): SlackBlock[] {
  return [
    { type: 'header', text: { type: 'plain_text', text: 'Leadrelay 线索接力' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [
          '在任意频道输入 `/lead`、`/pool`、`/followup`，或在“消息”标签里直接发 `help`。',
          'Type `/lead`, `/pool` or `/followup` in any channel, or send `help` in the Messages tab.',
        ].join('\n'),
      },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: '`/help` 查看全部命令 · lists every command' }] },
  ];
}
