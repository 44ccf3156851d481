import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

// `GET /api/v1/complaints/:ref` through the real stack: an order entered by API, a complaint on it, assigned,
// hours reported and adjusted; the detail shows the order and contract, the history and the task with its hours.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const auth = () => ({ authorization: `Bearer ${t.token}` });

describe('GET /api/v1/complaints/:ref', () => {
  it('shows the complaint with its order, contract, history and task hours, by code or id', async () => {
    const entered = await t.request(
      'POST',
      '/api/v1/orders',
      {
        number: 'SO-2024-017',
        customer: '上海云启',
        items: '服务器2台',
        amount: 98_000,
        contractNo: 'HT-2024-017',
        signedAt: '2026-01-15',
        owner: '张伟',
      },
      auth(),
    );
    expect(entered.status).toBe(201);
    const raised = await t.request(
      'POST',
      '/api/v1/complaints',
      {
        customerId: entered.body.order.customerId,
        orderNumber: 'SO-2024-017',
        priority: 'high',
        category: '设备故障',
        description: '设备无法开机',
      },
      auth(),
    );
    expect(raised.status).toBe(201);
    const code = raised.body.complaint.code as string;
    const { assignees } = (await t.request('GET', '/api/v1/complaints/assignees', undefined, auth())).body;
    const assigned = await t.request(
      'POST',
      `/api/v1/complaints/${code}:assign`,
      { assigneeId: assignees[0].memberId },
      auth(),
    );
    const taskCode = assigned.body.task.code as string;
    await t.request(
      'POST',
      `/api/v1/tasks/${taskCode}/hours`,
      { completedAt: new Date().toISOString(), hours: 3.5, result: '已更换电源模块' },
      auth(),
    );
    await t.request('POST', `/api/v1/tasks/${taskCode}:decide`, { decision: 'adjust', hours: 3 }, auth());

    const detail = await t.request(
      'GET',
      `/api/v1/complaints/${code.toLowerCase().replace('-', '')}`,
      undefined,
      auth(),
    );
    expect(detail.status).toBe(200);
    const c = detail.body.complaint;
    expect(c).toMatchObject({
      code,
      status: 'resolved',
      customerName: '上海云启',
      order: { number: 'SO-2024-017', contractNo: 'HT-2024-017', amount: 98_000, items: '服务器2台' },
    });
    expect(c.requestKey).toBeUndefined();
    expect(c.history.map((h: { to: string }) => h.to)).toEqual([
      'unassigned',
      'assigned',
      'in_review',
      'resolved',
    ]);
    expect(c.tasks).toHaveLength(1);
    expect(c.tasks[0]).toMatchObject({
      code: taskCode,
      status: 'approved',
      report: { hours: 3.5, result: '已更换电源模块' },
      approval: { hours: 3, adjusted: true },
    });
    const byId = await t.request('GET', `/api/v1/complaints/${c.id}`, undefined, auth());
    expect(byId.body.complaint.code).toBe(code);
  });

  it('answers 404 for an unknown complaint', async () => {
    const res = await t.request('GET', '/api/v1/complaints/TS-9999', undefined, auth());
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('COMPLAINT_NOT_FOUND');
  });
});
