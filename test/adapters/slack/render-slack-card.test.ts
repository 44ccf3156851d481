import { describe, expect, it } from 'vitest';
import {
  actionIdFromSlack,
  cardBlocks,
  messageBlocks,
  toSlackMessage,
} from '../../../src/adapters/slack/render-slack-card.js';
import type { Card } from '../../../src/chat/card.js';

const card: Card = {
  title: '新线索 L-12',
  status: '待领取',
  fields: [
    { label: '公司', value: 'A&B <科技>' },
    { label: '地区', value: '上海' },
  ],
  markdown: '**意向** 高\n`L-12`',
  buttons: [
    { actionId: 'lead.claim', label: '领取', value: 'L-12', style: 'primary' },
    { actionId: 'lead.approve', label: '给王芳', value: 'L-12:m-1' },
    { actionId: 'lead.approve', label: '给李雷', value: 'L-12:m-2', style: 'default' },
    { actionId: 'lead.release', label: '释放', value: 'L-12', style: 'danger' },
  ],
};

describe('cardBlocks', () => {
  it('draws header, status, fields, markdown and buttons with unique action_ids', () => {
    expect(cardBlocks(card)).toEqual([
      { type: 'header', text: { type: 'plain_text', text: '新线索 L-12', emoji: true } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '待领取' }] },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*公司*\nA&amp;B &lt;科技&gt;' },
          { type: 'mrkdwn', text: '*地区*\n上海' },
        ],
      },
      { type: 'section', text: { type: 'mrkdwn', text: '*意向* 高\n`L-12`' } },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: '领取', emoji: true },
            action_id: 'lead.claim',
            value: 'L-12',
            style: 'primary',
          },
          {
            type: 'button',
            text: { type: 'plain_text', text: '给王芳', emoji: true },
            action_id: 'lead.approve',
            value: 'L-12:m-1',
          },
          {
            type: 'button',
            text: { type: 'plain_text', text: '给李雷', emoji: true },
            action_id: 'lead.approve#2',
            value: 'L-12:m-2',
          },
          {
            type: 'button',
            text: { type: 'plain_text', text: '释放', emoji: true },
            action_id: 'lead.release',
            value: 'L-12',
            style: 'danger',
          },
        ],
      },
    ]);
  });

  it('gets the real actionId back from a suffixed action_id', () => {
    expect(actionIdFromSlack('lead.approve#2')).toBe('lead.approve');
    expect(actionIdFromSlack('lead.approve#13')).toBe('lead.approve');
    expect(actionIdFromSlack('lead.claim')).toBe('lead.claim');
  });

  it('puts at most ten fields in a section and clips a long title at 150 characters', () => {
    const many: Card = {
      title: '线'.repeat(200),
      fields: Array.from({ length: 12 }, (_, i) => ({ label: `f${i}`, value: `${i}` })),
      buttons: [],
    };
    const blocks = cardBlocks(many);
    const sections = blocks.filter((b) => b.type === 'section');
    expect(sections.map((s) => (s.type === 'section' ? s.fields?.length : 0))).toEqual([10, 2]);
    const header = blocks[0];
    expect(header?.type === 'header' && [...header.text.text].length).toBe(150);
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
  });
});

describe('toSlackMessage', () => {
  it('sends plain text as mrkdwn without blocks', () => {
    expect(toSlackMessage({ text: '已领取 **L-12** <ok>' })).toEqual({ text: '已领取 *L-12* &lt;ok&gt;' });
  });

  it('gives a card a notification text and draws a text next to it as the first block', () => {
    const message = toSlackMessage({ text: '请处理', card });
    expect(message.text).toBe('请处理\n新线索 L-12 — 待领取');
    expect(message.blocks?.[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '请处理' } });
    expect(message.blocks?.slice(1)).toEqual(cardBlocks(card));
    expect(toSlackMessage({ card }).text).toBe('新线索 L-12 — 待领取');
  });
});

describe('messageBlocks', () => {
  it('draws a text as a section and a card as its blocks, for surfaces without a `text`', () => {
    expect(messageBlocks({ text: 'a <b>' })).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'a &lt;b&gt;' } },
    ]);
    expect(messageBlocks({ card })).toEqual(cardBlocks(card));
    expect(messageBlocks({ text: '请处理', card })).toEqual(toSlackMessage({ text: '请处理', card }).blocks);
    expect(messageBlocks({})).toEqual([]);
  });
});
