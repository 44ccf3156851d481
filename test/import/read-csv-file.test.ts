import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/import-error.js';
import { formatOf, readLeadFile } from '../../src/import/read-lead-file.js';
import { encodeGbk } from './gbk.js';

const fixture = readFileSync(new URL('../fixtures/import/leads-zh.csv', import.meta.url));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readLeadFile (CSV)', () => {
  it('reads a UTF-8 CSV with BOM and Chinese headers, numbering rows as Excel does', async () => {
    const rows = await readLeadFile(fixture, { fileName: 'leads-zh.csv' });
    // Row 4 holds a value spanning two lines (still one spreadsheet row); row 8 is empty and left out.
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6, 7, 9, 10, 11, 12]);
    expect(Object.keys(rows[0]!.cells)[0]).toBe('姓名');
    expect(rows[0]!.cells).toMatchObject({
      姓名: '张伟',
      手机: '13812345678',
      标签: 'VIP，华东',
      负责人: '王经理',
    });
    expect(rows[2]!.cells.需求).toBe('要报价,\n下周联系');
    expect(rows.find((r) => r.rowNumber === 9)!.cells.姓名).toBe('周杰');
  });

  it('reads a CSV with English headers and no BOM, trimming cells', async () => {
    const csv = 'Name, Phone ,Email\r\nAda , 13812345678,ada@example.com\r\n,,\r\nBob,,bob@example.com\r\n';
    const rows = await readLeadFile(utf8(csv), { format: 'csv' });
    expect(rows).toEqual([
      { rowNumber: 2, cells: { Name: 'Ada', Phone: '13812345678', Email: 'ada@example.com' } },
      { rowNumber: 4, cells: { Name: 'Bob', Phone: '', Email: 'bob@example.com' } },
    ]);
  });

  it('reads a GBK-encoded CSV, as Excel on a Chinese Windows saves it', async () => {
    const bytes = encodeGbk('姓名,手机,公司\n张伟,13812345678,上海云启科技有限公司\n');
    // The bytes really are GBK: 姓 is D0 D5, and they are not valid UTF-8.
    expect([...bytes.subarray(0, 2)]).toEqual([0xd0, 0xd5]);
    const rows = await readLeadFile(bytes, { fileName: 'export.csv' });
    expect(rows).toEqual([
      { rowNumber: 2, cells: { 姓名: '张伟', 手机: '13812345678', 公司: '上海云启科技有限公司' } },
    ]);
  });

  it('reads the whole fixture the same from GBK as from UTF-8', async () => {
    const text = new TextDecoder().decode(fixture);
    const fromGbk = await readLeadFile(encodeGbk(text), { format: 'csv' });
    expect(fromGbk).toEqual(await readLeadFile(fixture, { format: 'csv' }));
  });

  it('takes the delimiter from the header line: semicolons and tabs as well as commas', async () => {
    const semi = await readLeadFile(utf8('name;phone\nAda;13812345678\n'), { format: 'csv' });
    const tabs = await readLeadFile(utf8('name\tphone\nAda\t13812345678\n'), { format: 'csv' });
    expect(semi[0]!.cells).toEqual({ name: 'Ada', phone: '13812345678' });
    expect(tabs[0]!.cells).toEqual({ name: 'Ada', phone: '13812345678' });
  });

  it('keeps values under a missing or repeated header visible instead of losing them', async () => {
    const rows = await readLeadFile(utf8('电话,电话,\n13812345678,13900001111,extra\n'), { format: 'csv' });
    expect(rows[0]!.cells).toEqual({ 电话: '13812345678', '电话 (2)': '13900001111', '(column C)': 'extra' });
  });

  it('returns no rows for a file with only a header, or nothing at all', async () => {
    expect(await readLeadFile(utf8('姓名,手机\n'), { format: 'csv' })).toEqual([]);
    expect(await readLeadFile(utf8(''), { format: 'csv' })).toEqual([]);
  });
});

describe('formatOf', () => {
  it('takes the format from the extension and says what to do with others', () => {
    expect(formatOf('leads.CSV')).toBe('csv');
    expect(formatOf('/tmp/线索.xlsx')).toBe('xlsx');
    expect(() => formatOf('old.xls')).toThrow(ImportError);
    expect(() => formatOf('old.xls')).toThrow(/save it as \.xlsx or \.csv/);
    expect(() => formatOf('leads.pdf')).toThrow(/give a \.csv or \.xlsx file/);
  });
});
