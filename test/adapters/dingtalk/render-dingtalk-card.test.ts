import { describe, expect, it } from 'vitest';
import { MAX_VALUE_BYTES, renderCardParams } from '../../../src/adapters/dingtalk/render-dingtalk-card.js';
import type { Card } from '../../../src/chat/card.js';

const leadCard: Card = {
  title: '线索：王先生 · 上海启明科技',
  status: '待领取',
  fields: [
    { label: '公司', value: '上海启明科技' },
    { label: '评分', value: '82 · 重要' },
  ],
  markdown: '**意向**：想了解企业版报价',
  buttons: [
    { actionId: 'lead.claim', label: '领取', value: 'L-12', style: 'primary' },
    { actionId: 'lead.why', label: '为什么是我', value: 'L-12' },
  ],
};

describe('renderCardParams', () => {
  it('maps a card onto the template variables, every value a string', () => {
    const params = renderCardParams(leadCard, { rev: 'r1' });
    expect(params).toEqual({
      title: '线索：王先生 · 上海启明科技',
      status: '待领取',
      fields: '**公司**：上海启明科技\n**评分**：82 · 重要',
      markdown: '**意向**：想了解企业版报价',
      buttons: JSON.stringify([
        { text: '领取', actionId: 'lead.claim', value: 'L-12', style: 'primary', color: 'blue' },
        { text: '为什么是我', actionId: 'lead.why', value: 'L-12', style: 'default', color: 'gray' },
      ]),
      hasButtons: 'true',
      rev: 'r1',
    });
    expect(Object.values(params).every((v) => typeof v === 'string')).toBe(true);
  });

  it('puts a message text first in the body and says when there are no buttons', () => {
    const params = renderCardParams({ title: 'T', fields: [], buttons: [] }, { text: '已领取', rev: 'r2' });
    expect(params.markdown).toBe('已领取');
    expect(params.status).toBe('');
    expect(params.buttons).toBe('[]');
    expect(params.hasButtons).toBe('false');
  });

  it('keeps field values from becoming markup', () => {
    const params = renderCardParams(
      { title: 'T', fields: [{ label: '公司', value: '[点我](http://x.y) <b>*A*</b>' }], buttons: [] },
      { rev: 'r' },
    );
    expect(params.fields).toBe('**公司**：［点我］(http://x.y) ＜b＞＊A＊＜/b＞');
  });

  it('cuts over-long text to the 1 KB DingTalk allows, at a character boundary', () => {
    const params = renderCardParams(
      { title: 'T', fields: [], markdown: '长'.repeat(2000), buttons: [] },
      { rev: 'r' },
    );
    expect(Buffer.byteLength(params.markdown)).toBeLessThanOrEqual(MAX_VALUE_BYTES);
    expect(params.markdown.endsWith('长…')).toBe(true);
  });
});
