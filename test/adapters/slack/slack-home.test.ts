import { describe, expect, it } from 'vitest';
import { cardBlocks } from '../../../src/adapters/slack/render-slack-card.js';
import { guideBlocks, homeBlocks } from '../../../src/adapters/slack/slack-home.js';
import type { Card } from '../../../src/chat/card.js';

const card: Card = {
  title: '线索 L-12',
  status: '跟进中',
  fields: [{ label: '公司', value: '华东机械' }],
  buttons: [{ actionId: 'lead.release', label: '释放', value: 'L-12', style: 'danger' }],
};
const guide = [{ type: 'divider' }, ...guideBlocks()];

describe('homeBlocks', () => {
  it('draws a text answer as one mrkdwn section, then the guide', () => {
    expect(homeBlocks([{ text: '`L-12` **张先生** <VIP>' }])).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '`L-12` *张先生* &lt;VIP&gt;' } },
      ...guide,
    ]);
  });

  it('draws cards as the same blocks as a message, in the order of the replies', () => {
    expect(homeBlocks([{ card }, { text: '共 1 条', card }])).toEqual([
      ...cardBlocks(card),
      { type: 'section', text: { type: 'mrkdwn', text: '共 1 条' } },
      ...cardBlocks(card),
      ...guide,
    ]);
  });

  it('shows only the guide when there are no replies', () => {
    expect(homeBlocks([])).toEqual(guide);
  });

  it('stays within a view’s 100 blocks, cutting the answer and keeping the guide', () => {
    const replies = Array.from({ length: 150 }, (_, i) => ({ text: `line ${i}` }));
    const blocks = homeBlocks(replies);
    expect(blocks).toHaveLength(100);
    expect(blocks.slice(-guide.length)).toEqual(guide);
    expect(blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'line 0' } });
  });
});
