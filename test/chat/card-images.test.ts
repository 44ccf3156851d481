import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/chat/card.js';
import { cardWithAltText, ImageUploadError, imagesOf, withAltText } from '../../src/chat/card-images.js';
import { TransientDeliveryError } from '../../src/chat/chat-adapter.js';

const image = (alt: string) => ({ png: new Uint8Array([1, 2, 3]), alt, width: 800, height: 240 });
const card: Card = {
  title: '本周周报',
  fields: [],
  markdown: '**华东一组**',
  images: [image('漏斗：新线索 120 → 成交 6（5%）'), image('未跟进率：王芳 12%')],
  buttons: [],
};

describe('card images', () => {
  it('stand as their alt text after the markdown when they cannot be sent', () => {
    expect(cardWithAltText(card)).toEqual({
      title: '本周周报',
      fields: [],
      markdown: '**华东一组**\n\n漏斗：新线索 120 → 成交 6（5%）\n\n未跟进率：王芳 12%',
      buttons: [],
    });
    expect(imagesOf(withAltText({ text: '周报', card }))).toEqual([]);
    expect(withAltText({ text: '周报', card }).text).toBe('周报');
  });

  it('leave a card without images as it is', () => {
    const plain: Card = { title: 'x', fields: [], buttons: [] };
    expect(cardWithAltText(plain)).toBe(plain);
    expect(withAltText({ text: 'hi' })).toEqual({ text: 'hi' });
  });

  it('fail to upload as a transient delivery error, so the outbox retries them with its backoff', () => {
    const error = new ImageUploadError('slack upload answered HTTP 500', 2_000);
    expect(error).toBeInstanceOf(TransientDeliveryError);
    expect(error.retryAfterMs).toBe(2_000);
  });
});
