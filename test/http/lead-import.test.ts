import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGbk } from '../import/gbk.js';
import { xlsxOf } from '../import/xlsx.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const upload = async (bytes: Uint8Array, type: string, query = '') => {
  const res = await fetch(`${t.baseUrl}/api/v1/leads:import${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.token}`, 'content-type': type },
    body: Buffer.from(bytes),
  });
  return { status: res.status, body: await res.json() };
};

describe('POST /api/v1/leads:import', () => {
  it('imports the good rows of a Chinese CSV, reports each bad row by number and field, and is safe to repeat', async () => {
    const csv = readFileSync('test/fixtures/import/leads-zh.csv');
    const dry = await upload(csv, 'text/csv', '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body.created).toBe(0);
    expect(await t.app.models.Lead.countDocuments({})).toBe(0);

    const first = await upload(csv, 'text/csv');
    expect(first.status).toBe(200);
    expect(first.body.rows).toBe(10);
    expect(first.body.created + first.body.duplicates).toBe(8);
    // One entry per bad field: row 9 has a bad email and a grade that is neither 普通 nor 重要.
    expect(
      first.body.rejected.map((r: { rowNumber: number; field: string }) => `${r.rowNumber}:${r.field}`),
    ).toEqual(['6:phone', '9:email', '9:grade']);
    expect(first.body.rejected.find((r: { rowNumber: number }) => r.rowNumber === 6).field).toBe('phone');
    const zhang = first.body.leads.find((l: { rowNumber: number }) => l.rowNumber === 2);
    const stored = await t.request('GET', `/api/v1/leads/${zhang.leadId}`, undefined, {
      authorization: `Bearer ${t.token}`,
    });
    expect(stored.body.lead).toMatchObject({
      source: 'website',
      grade: 'important',
      region: '上海',
      externalId: 'EXT-001',
    });
    expect(stored.body.lead.assignment.rule.id).toBe('east-china');

    const again = await upload(csv, 'text/csv');
    expect(again.body).toMatchObject({ created: 0, duplicates: 0, alreadyImported: 8 });
    expect(await t.app.models.Lead.countDocuments({})).toBe(8);
  });

  it('reads a GBK CSV (as Excel in China saves it) and an XLSX the same way', async () => {
    const gbk = encodeGbk('姓名,手机,来源\n韩梅梅,13512340001,官网\n');
    const csv = await upload(gbk, 'text/csv');
    expect(csv.body.created).toBe(1);
    const book = await xlsxOf([
      ['客户姓名', '联系电话', '线索来源', '地区'],
      ['李雷', 13512340002, '广告', '江苏'],
      ['', '', '', ''],
      ['错号', 'abc', '广告', ''],
    ]);
    const xlsx = await upload(
      book,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      '?strategy=load_balanced',
    );
    expect(xlsx.body.created).toBe(1);
    expect(xlsx.body.rejected).toEqual([{ rowNumber: 4, field: 'phone', reason: expect.any(String) }]);
    const lead = await t.app.models.Lead.findOne({ 'contact.phone': '13512340002' }).lean();
    expect(lead?.source).toBe('ad');
    expect(lead?.assignment).toMatchObject({ strategy: 'load_balanced' });
  });

  it('says what to do with a file it cannot take', async () => {
    const none = await upload(new Uint8Array([1, 2, 3]), 'application/octet-stream');
    expect(none.status).toBe(400);
    expect(none.body.error.details.issues[0].field).toBe('format');
    const broken = await upload(new Uint8Array([1, 2, 3]), 'application/octet-stream', '?format=xlsx');
    expect(broken.status).toBe(400);
    const anonymous = await fetch(`${t.baseUrl}/api/v1/leads:import`, { method: 'POST', body: 'a,b' });
    expect(anonymous.status).toBe(401);
  });
});
