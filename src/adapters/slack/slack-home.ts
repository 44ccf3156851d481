import type { OutboundMessage } from '../../chat/card.js';
import type { CommandEvent } from '../../chat/events.js';
import { messageBlocks, type SlackBlock } from './render-slack-card.js';

/** A view takes at most 100 blocks; over that views.publish fails and the member sees a stale Home tab. */
const MAX_VIEW_BLOCKS = 100;

/**
 * The Home tab: the registry's answer to `/lead` (the member's open leads, or why there are none to show), then the
 * short guide. The answer is drawn by the same Block Kit code as every other reply, so cards look the same here.
 */
export function homeBlocks(replies: readonly OutboundMessage[]): SlackBlock[] {
  const guide: SlackBlock[] = [{ type: 'divider' }, ...guideBlocks()];
  // The guide is kept whole and the answer cut instead: the guide is what tells the member how to see the rest.
  const answer = replies.flatMap(messageBlocks).slice(0, MAX_VIEW_BLOCKS - guide.length);
  return [...answer, ...guide];
}

/**
 * The `/today` command a Home tab open also dispatches (its own event id, so a retry of the open is deduped like the
 * `/lead` one): the member's 今日待联系 / 逾期 lists are drawn above their open leads.
 */
export function homeTodayEventFrom(home: CommandEvent): CommandEvent {
  return { ...home, eventId: `${home.eventId}:today`, command: 'today', rawText: '/today' };
}

/** What the bot is and how to talk to it, in both languages (the member's locale is not looked up for it). */
export function guideBlocks(): SlackBlock[] {
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
