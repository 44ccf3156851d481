import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/import-error.js';
import { readLeadFile } from '../../src/import/read-lead-file.js';
import { xlsxOf } from './xlsx.js';

describe('readLeadFile (XLSX)', () => {
  it('reads the first sheet: numbers as phones, rich text, formulas, links and dates as people see them', async () => {
    const bytes = await xlsxOf([
      ['Name', 'Phone', 'Email', 'Company', 'Tags', 'Visited', 'Score'],
      [
        { richText: [{ text: '张', font: { bold: true } }, { text: '伟' }] },
        13812345678,
        { text: 'zhangwei@example.com', hyperlink: 'mailto:zhangwei@example.com' },
        { formula: 'CONCATENATE("上海","云启")', result: '上海云启' },
        { formula: 'A2&"x"' },
        new Date(Date.UTC(2024, 4, 17)),
        0.1 + 0.2,
      ],
      [],
      ['李娜', 8613900001111, null, null, null, new Date(Date.UTC(2024, 4, 17, 9, 30)), 4200000000000000],
    ]);
    const rows = await readLeadFile(bytes, { fileName: 'leads.xlsx' });
    expect(rows).toEqual([
      {
        rowNumber: 2,
        cells: {
          Name: '张伟',
          Phone: '13812345678',
          Email: 'zhangwei@example.com',
          Company: '上海云启',
          // A formula that was never computed has no value to import.
          Tags: '',
          Visited: '2024-05-17',
          Score: '0.3',
        },
      },
      {
        rowNumber: 4,
        cells: {
          Name: '李娜',
          Phone: '8613900001111',
          Email: '',
          Company: '',
          Tags: '',
          Visited: '2024-05-17T09:30:00.000Z',
          Score: '4200000000000000',
        },
      },
    ]);
  });

  it('keeps spreadsheet row numbers when the header is not on row 1 and rows in between are empty', async () => {
    const bytes = await xlsxOf([
      [],
      ['姓名', '手机'],
      ['张伟', 13812345678],
      [null, null],
      ['', ''],
      ['李娜', '139'],
    ]);
    const rows = await readLeadFile(bytes, { format: 'xlsx' });
    expect(rows.map((r) => [r.rowNumber, r.cells.姓名])).toEqual([
      [3, '张伟'],
      [6, '李娜'],
    ]);
  });

  it('says how to fix a file that is not an XLSX workbook', async () => {
    const notXlsx = new TextEncoder().encode('姓名,手机\n张伟,13812345678\n');
    await expect(readLeadFile(notXlsx, { fileName: 'leads.xlsx' })).rejects.toThrow(ImportError);
    await expect(readLeadFile(notXlsx, { fileName: 'leads.xlsx' })).rejects.toThrow(
      /save it as \.xlsx again/,
    );
  });
});
