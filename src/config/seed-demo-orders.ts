import { createOrder } from '../core/customers/index.js';
import { apiCaller } from '../core/org/caller.js';
import type { Org } from '../core/org/types.js';
import { DomainError } from '../core/shared/errors.js';
import type { ComposedApp } from './compose-app.js';

/**
 * The demo's customers and their orders, so a complaint can be tried at once (`/投诉 上海云启 SO-2024-017 设备无法开机`
 * in the sandbox). Entered as `POST /orders` enters them, by company name (the customer is made by the first).
 */
export const DEMO_ORDERS = [
  {
    number: 'SO-2024-017',
    customer: '上海云启',
    items: '服务器 2 台',
    amount: 48_000,
    contractNo: 'HT-2024-017',
    signedAt: '2026-11-03',
    owner: '李娜',
  },
  {
    number: 'SO-2024-018',
    customer: '上海云启',
    items: '交换机 4 台',
    amount: 12_600,
    contractNo: 'HT-2024-018',
    signedAt: '2026-11-18',
    owner: '李娜',
  },
  {
    number: 'SO-2024-021',
    customer: '杭州新程',
    items: '存储阵列 1 套',
    amount: 86_000,
    contractNo: 'HT-2024-021',
    signedAt: '2026-10-15',
    owner: '孙磊',
  },
] as const;

/**
 * Enters the demo orders on every start; createOrder is idempotent by the order's number (the same content answers
 * the stored order), so a restart seeds nothing twice. A number someone has since used for another order is theirs:
 * it is left alone, not a reason to stop the start. One look-up per order once they exist.
 */
export async function seedDemoOrders(app: ComposedApp, org: Org): Promise<number> {
  const deps = { ...app.repos, clock: app.clock };
  const caller = apiCaller(org, ['admin'], 'zh-CN');
  let created = 0;
  for (const order of DEMO_ORDERS) {
    try {
      if ((await createOrder(deps, caller, { order })).created) created++;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return created;
}
