import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxOf } from '../import/xlsx.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// `POST /api/v1/orders:import` on the demo org: the lead import's reader, limits, worker and row report, with
// the orders' own headers and schema, through the real stack and database.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const upload = async (bytes: Uint8Array, type: string, query = '', lang = 'zh-CN') => {
  const res = await fetch(`${t.baseUrl}/api/v1/orders:import${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.token}`, 'content-type': type, 'accept-language': lang },
    body: Buffer.from(bytes),
  });
  return { status: res.status, body: await res.json() };
};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('POST /api/v1/orders:import', () => {
  it('imports a Chinese CSV, names each bad row and field, and creates nothing new on a second run', async () => {
    const csv = readFileSync('test/fixtures/import/orders-zh.csv');
    const first = await upload(csv, 'text/csv');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rows: 6, created: 3, alreadyImported: 0 });
    expect(
      first.body.rejected.map((r: { rowNumber: number; field: string }) => [r.rowNumber, r.field]),
    ).toEqual([
      [5, 'amount'],
      [5, 'signedAt'],
      // The customer's rule (by id or by name) is cross-field: found by the second check of the same row.
      [5, 'customer'],
      [6, 'contractNo'],
      [7, '(row)'],
    ]);
    expect(first.body.rejected[4].reason).toContain('查无此人');
    const numbers = first.body.orders.map((o: { number: string }) => o.number);
    expect(numbers).toEqual(['SO-2024-101', 'SO-2024-102', 'SO-2024-103']);

    const again = await upload(csv, 'text/csv');
    expect(again.body).toMatchObject({ rows: 6, created: 0, alreadyImported: 3 });
    expect(again.body.orders.map((o: { orderId: string }) => o.orderId)).toEqual(
      first.body.orders.map((o: { orderId: string }) => o.orderId),
    );

    // 2026/11/3 in Asia/Shanghai, 4.8万 as 48,000; one customer for the two rows of 上海云启.
    const byId = async (id: string) => {
      const customers = await t.request('GET', '/api/v1/customers?limit=200', undefined, {
        authorization: `Bearer ${t.token}`,
      });
      const mine = customers.body.customers.filter((c: { name: string }) => c.name === id);
      return mine;
    };
    expect(await byId('上海云启')).toHaveLength(1);
    const [shanghai] = await byId('上海云启');
    const orders = await t.request('GET', `/api/v1/orders?customer=${shanghai.id}`, undefined, {
      authorization: `Bearer ${t.token}`,
    });
    expect(orders.body.orders.map((o: { number: string }) => o.number).sort()).toEqual([
      'SO-2024-101',
      'SO-2024-103',
    ]);
    const o101 = orders.body.orders.find((o: { number: string }) => o.number === 'SO-2024-101');
    expect(o101).toMatchObject({ amount: 48_000, signedAt: '2026-11-02T16:00:00.000Z', ownerName: '张伟' });
  });

  it('imports an XLSX with English headers, date cells and number amounts; a changed row is refused naming its number', async () => {
    const file = await xlsxOf([
      ['Order number', 'Customer', 'Items', 'Amount', 'Contract', 'Signed at', 'Owner', 'Colour'],
      ['SO-X-1', '深圳远景', 'UPS', 3200, 'HT-X-1', new Date(Date.UTC(2026, 10, 9)), '李娜', 'red'],
      ['SO-X-2', '深圳远景', 'UPS 电池', 800.5, 'HT-X-2', '2026-11-10', null, null],
    ]);
    const first = await upload(file, XLSX, '', 'en');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rows: 2, created: 2, rejected: [] });
    expect(first.body.warnings.join(' ')).toContain('Colour');

    const changed = await xlsxOf([
      ['订单号', '客户', '产品', '金额', '合同号', '签约日期'],
      ['SO-X-1', '深圳远景', 'UPS', 9999, 'HT-X-1', '2026-11-09'],
    ]);
    const refused = await upload(changed, XLSX, '', 'en');
    expect(refused.body).toMatchObject({ created: 0, alreadyImported: 0 });
    expect(refused.body.rejected).toEqual([
      expect.objectContaining({ rowNumber: 2, field: '(row)', reason: expect.stringContaining('SO-X-1') }),
    ]);
  });

  it('checks without storing on a dry run, and refuses a read-only token before reading the file', async () => {
    const csv = readFileSync('test/fixtures/import/orders-zh.csv');
    const dry = await upload(csv, 'text/csv', '?dryRun=true');
    expect(dry.body).toMatchObject({ rows: 6, created: 0, orders: [] });
    const made = await t.request(
      'POST',
      '/api/v1/tokens',
      { name: 'ro-import', role: 'read_only' },
      {
        authorization: `Bearer ${t.token}`,
      },
    );
    const res = await fetch(`${t.baseUrl}/api/v1/orders:import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${made.body.secret}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(res.status).toBe(403);
  });
});
