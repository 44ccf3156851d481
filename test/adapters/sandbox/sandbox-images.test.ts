import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentMessage } from '../../../src/adapters/sandbox/render-sandbox-card.js';
import { sandboxAdapter } from '../../../src/adapters/sandbox/sandbox-adapter.js';
import type { Card } from '../../../src/chat/card.js';
import { emptyChart } from '../../../src/chat/charts/index.js';
import type { SandboxStore } from '../../../src/chat/sandbox-store-port.js';
import { fixedClock } from '../../../src/core/shared/clock.js';
import { bindModels } from '../../../src/storage/models.js';
import { mongoSandboxStore } from '../../../src/storage/repositories/sandbox-message-store.js';
import { openTestDatabase } from '../../support/test-database.js';

// The sandbox "uploads" a card's images by keeping them as data URLs beside the card, in its real message store.

let store: SandboxStore;
let close: () => Promise<void>;
const clock = fixedClock(new Date('2026-11-30T01:00:00Z'));
const WS = new Types.ObjectId().toHexString();

beforeAll(async () => {
  const db = await openTestDatabase();
  close = db.close;
  store = mongoSandboxStore(bindModels(db.connection));
});
afterAll(() => close());

describe('sandbox images', () => {
  it('keeps each image as a PNG data URL with its alt text, and the card without the bytes', async () => {
    const chart = emptyChart('本周销售漏斗', 'zh-CN');
    const card: Card = { title: '本周周报', fields: [], images: [chart], buttons: [] };
    const sent = await sandboxAdapter(store, clock).send(
      WS,
      { kind: 'channel', channelId: 'C1' },
      { card },
      'k1',
    );

    const stored = await store.get(WS, sent.messageRef);
    expect(stored?.card).toEqual({ title: '本周周报', fields: [], buttons: [] });
    expect(stored?.images).toEqual([
      {
        src: `data:image/png;base64,${chart.png.toString('base64')}`,
        alt: '本周销售漏斗：本周没有数据',
        width: 800,
        height: 240,
      },
    ]);
    // What the page reads (GET /sandbox/api/messages) carries them.
    expect(presentMessage(stored!, []).images?.[0]?.alt).toBe('本周销售漏斗：本周没有数据');
  });

  it('replaces the images when the card is updated', async () => {
    const adapter = sandboxAdapter(store, clock);
    const first = emptyChart('第一版', 'zh-CN');
    const card: Card = { title: '周报', fields: [], images: [first], buttons: [] };
    const sent = await adapter.send(WS, { kind: 'channel', channelId: 'C1' }, { card }, 'k2');
    const second = emptyChart('第二版', 'zh-CN');
    await adapter.update(WS, { kind: 'channel', channelId: 'C1' }, sent.messageRef, {
      card: { ...card, images: [second] },
    });
    expect((await store.get(WS, sent.messageRef))?.images?.map((i) => i.alt)).toEqual([
      '第二版：本周没有数据',
    ]);
  });
});
