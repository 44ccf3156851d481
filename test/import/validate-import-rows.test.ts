import { readFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importTexts } from '../../src/chat/texts/import-texts.js';
import { canonicalJson, importKey } from '../../src/import/import-key.js';
import { duplicateLines, rejectedLines, summaryLine } from '../../src/import/import-report.js';
import { type RawRow, readLeadFile } from '../../src/import/read-lead-file.js';
import { rejectedReason } from '../../src/import/rejected-reason.js';
import { validateImportRows } from '../../src/import/validate-import-rows.js';
import { xlsxOf } from './xlsx.js';

const fixture = readFileSync(new URL('../fixtures/import/leads-zh.csv', import.meta.url));
const row = (rowNumber: number, cells: Record<string, string>): RawRow => ({ rowNumber, cells });

// The fixture's rows as another export would have them: English headers, columns reversed, and the phones that are
// all digits typed as numbers.
async function fixtureAsXlsx(): Promise<Uint8Array> {
  const english: Record<string, string> = { 姓名: 'Name', 手机: 'Mobile', 邮箱: 'E-mail', 公司: 'Company' };
  const rows = await readLeadFile(fixture, { format: 'csv' });
  const headers = Object.keys(rows[0]!.cells).reverse();
  const value = (text: string) => (/^\d{11,13}$/.test(text) ? Number(text) : text);
  // Each row on its own row number, so the empty row 8 stays empty.
  const lines: ExcelJS.CellValue[][] = [headers.map((h) => english[h] ?? h)];
  for (const r of rows) lines[r.rowNumber - 1] = headers.map((h) => value(r.cells[h] ?? ''));
  return xlsxOf(Array.from(lines, (line) => line ?? []));
}

describe('validateImportRows', () => {
  it('reports each bad field of each bad row with its spreadsheet row number', async () => {
    const check = validateImportRows(await readLeadFile(fixture, { format: 'csv' }));
    expect(check.good.map((g) => g.rowNumber)).toEqual([2, 3, 4, 5, 7, 10, 11, 12]);
    expect(check.rejected.map((r) => [r.rowNumber, r.field])).toEqual([
      [6, 'phone'],
      [9, 'email'],
      [9, 'grade'],
    ]);
    // Row 6's phone is bad and it has no other contact: both are said at once, with the value given.
    expect(check.rejected[0]!.reason).toMatch(
      /not a phone number.*give at least one of phone, email or wechat/,
    );
    expect(check.rejected[0]!.reason).toContain('"12345"');
    expect(check.warnings).toEqual([{ kind: 'ignored_column', header: '负责人' }]);
  });

  it('maps a row to LeadInput: source names, grade, tags, normalised phone and email', async () => {
    const check = validateImportRows(await readLeadFile(fixture, { format: 'csv' }));
    const byRow = new Map(check.good.map((g) => [g.rowNumber, g.input]));
    expect(byRow.get(2)).toEqual({
      name: '张伟',
      phone: '13812345678',
      email: 'zhangwei@example.com',
      company: '上海云启科技有限公司',
      region: '上海',
      productLine: 'CRM',
      source: 'website',
      campaign: '春季展会',
      intent: '想了解报价',
      tags: ['VIP', '华东'],
      grade: 'important',
      externalId: 'EXT-001',
    });
    expect([3, 4, 5, 7, 10, 11].map((n) => byRow.get(n)?.source)).toEqual([
      'ad',
      'event',
      'import',
      'miniprogram',
      'api',
      'api',
    ]);
    expect(byRow.get(4)?.email).toBe('wangqiang@example.cn');
    expect(byRow.get(10)?.phone).toBe('13600003333');
  });

  it('gives rows without a source the caller’s default', () => {
    const check = validateImportRows([row(2, { phone: '13812345678' })], { defaultSource: 'event' });
    expect(check.good[0]!.input.source).toBe('event');
  });

  it('rejects a source name it cannot map, naming the field', () => {
    const check = validateImportRows([row(2, { 手机: '13812345678', 来源: '朋友介绍' })]);
    expect(check.rejected).toEqual([
      {
        rowNumber: 2,
        field: 'source',
        reason: expect.stringContaining('朋友介绍'),
        issues: [
          expect.objectContaining({ field: 'source', problem: { kind: 'bad_format', format: 'source' } }),
        ],
        given: '朋友介绍',
      },
    ]);
    // The API words it in the caller's language, with the value the row gave.
    expect(rejectedReason(check.rejected[0]!, 'zh-CN')).toBe(
      '不认识的来源，请填 官网、广告、活动、展会、微信、小程序、导入 等来源名（填写的是「朋友介绍」）',
    );
  });

  it('combines 需求 and 备注, and takes the first non-empty of two phone columns', () => {
    const check = validateImportRows([
      row(2, { 手机: '', 电话: '13812345678', 需求: '要报价', 备注: '周五回电' }),
    ]);
    expect(check.good[0]!.input).toMatchObject({ phone: '13812345678', intent: '要报价\n周五回电' });
  });

  it('warns when no column is a lead field, as when a title row sits above the header', () => {
    const check = validateImportRows([row(2, { '2024 客户名单': '张伟' })]);
    expect(check.warnings).toContainEqual({ kind: 'no_header' });
    expect(check.rejected).toMatchObject([
      { rowNumber: 2, field: 'phone', reason: expect.stringMatching(/at least one/) },
    ]);
  });
});

describe('idempotency keys', () => {
  it('are the same for the same row from a CSV and from an XLSX with other headers and column order', async () => {
    const fromCsv = validateImportRows(await readLeadFile(fixture, { fileName: 'leads-zh.csv' }));
    const fromXlsx = validateImportRows(
      await readLeadFile(await fixtureAsXlsx(), { fileName: 'leads.xlsx' }),
    );
    expect(fromXlsx.good.map((g) => g.rowNumber)).toEqual(fromCsv.good.map((g) => g.rowNumber));
    expect(fromXlsx.good.map((g) => g.idempotencyKey)).toEqual(fromCsv.good.map((g) => g.idempotencyKey));
    expect(new Set(fromCsv.good.map((g) => g.idempotencyKey)).size).toBe(fromCsv.good.length);
    expect(fromCsv.good[0]!.idempotencyKey).toMatch(/^import:[0-9a-f]{32}$/);
  });

  it('do not depend on the row number, spaces around values or empty cells', () => {
    const a = validateImportRows([row(2, { 姓名: '张伟', 手机: '13812345678', 公司: '' })]);
    const b = validateImportRows([row(40, { 手机: ' 13812345678 ', ' 姓名 ': '张伟 ', 邮箱: '' })]);
    expect(b.good[0]!.idempotencyKey).toBe(a.good[0]!.idempotencyKey);
  });

  it('differ when anything the row says changes', () => {
    const base = { 姓名: '张伟', 手机: '13812345678', 需求: '要报价' };
    const key = (cells: Record<string, string>) =>
      validateImportRows([row(2, cells)]).good[0]!.idempotencyKey;
    expect(key({ ...base, 需求: '要演示' })).not.toBe(key(base));
    expect(key({ ...base, 手机: '13812345679' })).not.toBe(key(base));
    expect(key({ ...base, 来源: '展会' })).not.toBe(key(base));
  });

  it('hash a canonical JSON: fields sorted, values trimmed, empty ones left out', () => {
    expect(canonicalJson({ phone: ' 138 ', name: 'A', tags: [' x ', ''], email: ' ' })).toBe(
      '{"name":"A","phone":"138","tags":["x"]}',
    );
    expect(importKey({ phone: '138', name: 'A' })).toBe(importKey({ name: 'A ', phone: '138' }));
  });

  it('warn about a row that repeats an earlier one, which is imported once', () => {
    const cells = { 姓名: '张伟', 手机: '13812345678' };
    const check = validateImportRows([
      row(2, cells),
      row(3, { 姓名: '李娜', 手机: '13900001111' }),
      row(5, cells),
    ]);
    expect(check.good[2]!.idempotencyKey).toBe(check.good[0]!.idempotencyKey);
    expect(check.warnings.map(importTexts('en').note)).toEqual(['row 5 repeats row 2: it is imported once']);
    expect(check.warnings.map(importTexts('zh-CN').note)).toEqual(['第 5 行与第 2 行相同：只导入一次']);
  });

  it('rejects a row whose text holds a control or bidi character, naming the field and the character', () => {
    const check = validateImportRows([
      row(2, { 姓名: '张伟\u202Egnp.exe', 手机: '13812345678' }),
      row(3, { 姓名: '李娜', 手机: '13812345679', 备注: '第一行\n第二行' }),
    ]);
    expect(check.rejected).toMatchObject([
      { rowNumber: 2, field: 'name', reason: expect.stringContaining('U+202E') },
    ]);
    expect(rejectedReason(check.rejected[0]!, 'zh-CN')).toMatch(
      /^含有控制字符或双向格式字符，不能保存（填写的是「/,
    );
    expect(check.good.map((g) => g.rowNumber)).toEqual([3]);
  });
});

describe('the import report in zh-CN', () => {
  it('words the counts, the rejected rows and the duplicates in Chinese', () => {
    const check = validateImportRows([row(2, { 手机: '13812345678', 来源: '朋友介绍' })]);
    expect(rejectedLines(check.rejected, 'zh-CN')).toEqual([
      '第 2     行 来源　　　　 不认识的来源，请填 官网、广告、活动、展会、微信、小程序、导入 等来源名（填写的是「朋友介绍」）',
    ]);
    expect(summaryLine({ created: 5, duplicates: 3, replayed: 0, rejected: 2 }, 'zh-CN')).toBe(
      '新建 5 条，撞单 3 条，之前已导入 0 条，未导入 2 行',
    );
    const dup = { rowNumber: 4, outcome: 'duplicate', id: 'L2', duplicateOf: 'L1' } as const;
    expect(duplicateLines([dup], 20, 'zh-CN')).toEqual(['第 4 行与线索 L1 撞单：已存为线索 L2']);
  });
});
