import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGbk } from '../import/gbk.js';
import { xlsxOf } from '../import/xlsx.js';
import { zipBomb } from '../import/zip-bomb.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const upload = async (bytes: Uint8Array, type: string, query = '', headers: Record<string, string> = {}) => {
  const res = await fetch(`${t.baseUrl}/api/v1/leads:import${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.token}`, 'content-type': type, ...headers },
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

  it('reports a row the service refuses (its externalId imported before with other content) and imports the rest', async () => {
    const csv = (rows: string) => new TextEncoder().encode(`姓名,手机,来源,外部编号\n${rows}`);
    const first = await upload(csv('周杰,13600000001,官网,EXT-900\n'), 'text/csv');
    expect(first.body.created).toBe(1);
    // Same source + externalId, other content: a 409 for that row alone, in the caller's language.
    const second = await upload(
      csv('周杰伦,13600000009,官网,EXT-900\n孙燕,13600000002,官网,EXT-901\n'),
      'text/csv',
    );
    expect(second.status).toBe(200);
    expect(second.body.created).toBe(1);
    expect(second.body.rejected).toEqual([
      { rowNumber: 2, field: '(row)', reason: expect.stringContaining('已用于另一条内容不同的线索') },
    ]);
    expect(second.body.leads.map((l: { rowNumber: number }) => l.rowNumber)).toEqual([3]);
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
    const english = await upload(new Uint8Array([1, 2, 3]), 'application/octet-stream', '?format=xlsx', {
      'accept-language': 'en',
    });
    expect(english.body.error.message).toContain('cannot read the XLSX file');
    // In the caller's language, with the problem as data.
    const zh = await upload(new Uint8Array([1, 2, 3]), 'application/octet-stream', '?format=xlsx', {
      'accept-language': 'zh-CN',
    });
    expect(zh.body.error.message).toMatch(
      /^输入有误：文件：无法读取这个 XLSX 文件（.*）；请用 Excel 打开后重新另存为 \.xlsx$/,
    );
    expect(zh.body.error.details.issues[0].problem).toMatchObject({
      kind: 'import_file',
      problem: { kind: 'bad_xlsx' },
    });
    const csv = readFileSync('test/fixtures/import/leads-zh.csv');
    const warned = await upload(csv, 'text/csv', '?dryRun=true', { 'accept-language': 'zh-CN' });
    expect(warned.body.warnings).toEqual(['「负责人」列不是线索字段，已忽略']);
    const anonymous = await fetch(`${t.baseUrl}/api/v1/leads:import`, { method: 'POST', body: 'a,b' });
    expect(anonymous.status).toBe(401);
  });
});

describe('POST /api/v1/leads:import with a file too large to take', () => {
  it('refuses a 19 MB CSV of 1.6 M rows as too many rows while /healthz stays fast and memory stays bounded', async () => {
    // One 11-digit phone a line: 12 bytes × 1.6 M lines ≈ 19 MB, the file of the report in issue #10. Written
    // straight into one buffer, so the test's own memory is the file and not 1.6 M strings.
    const header = Buffer.from('手机\n');
    const csv = Buffer.alloc(header.length + 12 * 1_600_000);
    header.copy(csv);
    for (let i = 0, at = header.length; i < 1_600_000; i++, at += 12) {
      csv.write(`${13_000_000_000 + i}\n`, at, 'latin1');
    }
    expect(csv.length).toBeGreaterThan(19_000_000);

    let maxRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      maxRss = Math.max(maxRss, process.memoryUsage().rss);
    }, 10);
    const healthTimes: number[] = [];
    let importing = true;
    const probe = (async () => {
      while (importing) {
        const started = performance.now();
        const res = await fetch(`${t.baseUrl}/healthz`);
        await res.arrayBuffer();
        healthTimes.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const answer = await upload(csv, 'text/csv', '?dryRun=true').finally(() => {
      importing = false;
    });
    await probe;
    clearInterval(sampler);

    expect(answer.status).toBe(413);
    expect(answer.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { limit: 'IMPORT_MAX_ROWS' },
    });
    // In the org's language (zh-CN), as every API message is.
    expect(answer.body.error.message).toMatch(/超过 50,000 行（上限 IMPORT_MAX_ROWS）：请拆成/);
    // Probes ran all along the request (upload, parse, answer); each answered while the file was being read.
    expect(healthTimes.length).toBeGreaterThan(3);
    // The goal is every probe under 200 ms (measured 50–58 ms max on this machine). One probe can still be
    // descheduled when other processes take both cores (a CI run's second test worker, the dev database), so the
    // test holds nearly every probe to the goal and the slowest to a bound no blocked event loop meets: parsing on
    // the request thread stalled /healthz for 24 s.
    const sorted = [...healthTimes].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length * 0.9)]).toBeLessThan(200);
    expect(sorted.at(-1)).toBeLessThan(1000);
    // The whole test process: vitest, the service, the dev database client and the 19 MB file itself.
    expect(maxRss).toBeLessThan(500 * 1024 * 1024);
  });

  it('refuses an XLSX that unzips to far more than it weighs (a zip bomb) without unzipping it', async () => {
    const bomb = zipBomb(200 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const answer = await upload(bomb, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(answer.status).toBe(413);
    expect(answer.body.error.details.limit).toBe('IMPORT_MAX_UNZIPPED_MB');
    expect(answer.body.error.message).toMatch(/解压后超过 40 MB.*拆成/);
    // No wall-time bound here (house rule: timing belongs in the bench): a bound of 5 s failed a loaded machine's
    // run at 7 s, while the refusal itself reads only the zip's directory.
  });

  it('refuses a zip bomb whose headers lie about its size, after inflating no more than the limit', async () => {
    const liar = zipBomb(200 * 1024 * 1024, { declaredBytes: 10_000 });
    const answer = await upload(liar, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(answer.status).toBe(413);
    expect(answer.body.error.details.limit).toBe('IMPORT_MAX_UNZIPPED_MB');
  });
});
