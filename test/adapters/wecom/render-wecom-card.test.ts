import { describe, expect, it } from 'vitest';
import { messageAsMarkdown } from '../../../src/adapters/wecom/render-text.js';
import { renderTemplateCard, renderWecomMessage } from '../../../src/adapters/wecom/render-wecom-card.js';
import type { Card } from '../../../src/chat/card.js';

const leadCard: Card = {
  title: '新线索：张伟 · 上海云杉科技',
  status: '待领取',
  fields: [
    { label: '公司', value: '上海云杉科技' },
    { label: '地区', value: '上海' },
    { label: '来源', value: '官网表单' },
    { label: '评分', value: '82 · 重要' },
    { label: '电话', value: '138****5678' },
    { label: '产品线', value: '企业版' },
    { label: '回收时间', value: '明天 18:00' },
  ],
  markdown: '**意向**：想下周试用 `企业版`',
  buttons: [
    { actionId: 'lead.claim', label: '领取', value: 'L-12', style: 'primary' },
    { actionId: 'lead.why', label: '为什么是我', value: 'L-12' },
    { actionId: 'lead.release', label: '放回公海', value: 'L-12', style: 'danger' },
  ],
};

describe('renderTemplateCard', () => {
  it('renders a lead card as a button_interaction template card', () => {
    expect(renderTemplateCard(leadCard, 'lr_task')).toEqual({
      card_type: 'button_interaction',
      main_title: { title: '新线索：张伟 · 上海云杉科技' },
      sub_title_text: '待领取',
      horizontal_content_list: [
        { keyname: '公司', value: '上海云杉科技' },
        { keyname: '地区', value: '上海' },
        { keyname: '来源', value: '官网表单' },
        { keyname: '评分', value: '82 · 重要' },
        { keyname: '电话', value: '138****5678' },
        { keyname: '产品线', value: '企业版' },
      ],
      // The seventh field and the markdown (as plain text) go to the quote area.
      quote_area: { type: 0, quote_text: '回收时间：明天 18:00\n意向：想下周试用 企业版' },
      task_id: 'lr_task',
      button_list: [
        { text: '领取', style: 1, key: 'lead.claim|L-12' },
        { text: '为什么是我', style: 2, key: 'lead.why|L-12' },
        { text: '放回公海', style: 3, key: 'lead.release|L-12' },
      ],
    });
  });

  it('cuts labels, values, titles and button texts to WeCom’s display limits with an ellipsis', () => {
    const card = renderTemplateCard(
      {
        title: 'A very long English title that goes well past thirty-six characters',
        fields: [{ label: 'Product line', value: 'x'.repeat(40) }],
        buttons: [{ actionId: 'a', label: 'Release to the pool', value: '1' }],
      },
      't',
    );
    expect(card.main_title.title).toBe('A very long English title that goes…');
    expect(Array.from(card.main_title.title)).toHaveLength(36);
    expect(card.horizontal_content_list).toEqual([{ keyname: 'Prod…', value: `${'x'.repeat(29)}…` }]);
    expect(card.button_list[0]?.text).toBe('Release t…');
  });

  it('keeps at most six buttons and drops a repeated key', () => {
    const buttons = Array.from({ length: 8 }, (_, i) => ({
      actionId: 'a',
      label: `b${i}`,
      value: String(i % 7),
    }));
    const card = renderTemplateCard({ title: 't', fields: [], buttons }, 't');
    expect(card.button_list.map((b) => b.key)).toEqual(['a|0', 'a|1', 'a|2', 'a|3', 'a|4', 'a|5']);
  });

  it('refuses a button key over 1024 bytes instead of cutting it', () => {
    const card: Card = {
      title: 't',
      fields: [],
      buttons: [{ actionId: 'a', label: 'b', value: '线'.repeat(400) }],
    };
    expect(() => renderTemplateCard(card, 't')).toThrow(/over WeCom's 1024 bytes/);
  });

  it('puts a message’s text beside its card under the status line', () => {
    const card = renderTemplateCard(leadCard, 't', '王芳把线索转给你');
    expect(card.sub_title_text).toBe('待领取\n王芳把线索转给你');
  });
});

describe('renderWecomMessage', () => {
  it('sends plain text as a text message', () => {
    expect(renderWecomMessage({ text: '已领取' }, 't')).toEqual({
      msgtype: 'text',
      text: { content: '已领取' },
    });
  });

  it('sends a card without buttons as text, since a button_interaction card needs a button', () => {
    const message = renderWecomMessage(
      { card: { title: '线索已领取', status: '王芳', fields: [], buttons: [] } },
      't',
    );
    expect(message).toEqual({ msgtype: 'text', text: { content: '线索已领取\n王芳' } });
  });

  it('cuts a text over 2048 bytes on a character boundary', () => {
    const message = renderWecomMessage({ text: '线'.repeat(1000) }, 't');
    const content = message.msgtype === 'text' ? message.text.content : '';
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(2048);
    expect(content.endsWith('线…')).toBe(true);
  });
});

describe('messageAsMarkdown (group chats)', () => {
  it('renders the card as WeCom markdown without its buttons', () => {
    expect(messageAsMarkdown({ card: { ...leadCard, fields: leadCard.fields.slice(0, 2) } })).toBe(
      '**新线索：张伟 · 上海云杉科技**\n> 待领取\n公司：上海云杉科技\n地区：上海\n**意向**：想下周试用 `企业版`',
    );
  });
});
