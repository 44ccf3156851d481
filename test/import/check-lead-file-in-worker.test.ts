import { describe, expect, it } from 'vitest';
import { checkLeadFileInWorker } from '../../src/import/check-lead-file-in-worker.js';
import { DEFAULT_IMPORT_LIMITS, ImportLimitError } from '../../src/import/import-limits.js';

const csv = (rows: number, columns = 3) => {
  const header = ['姓名', '手机', '来源', ...Array.from({ length: columns - 3 }, (_, i) => `c${i}`)].join(
    ',',
  );
  const line = (i: number) =>
    [`客户${i}`, `138${String(i).padStart(8, '0')}`, '官网', ...Array(columns - 3).fill('x')].join(',');
  return new TextEncoder().encode([header, ...Array.from({ length: rows }, (_, i) => line(i))].join('\n'));
};

describe('checkLeadFileInWorker', () => {
  it('reads and checks a file on a worker thread', async () => {
    const check = await checkLeadFileInWorker(csv(3), {
      source: { format: 'csv' },
      limits: DEFAULT_IMPORT_LIMITS,
    });
    expect(check.rows).toBe(3);
    expect(check.good.map((row) => row.input.phone)).toEqual(['13800000000', '13800000001', '13800000002']);
  });

  it('refuses a file over the row limit, naming the limit and saying to split the file', async () => {
    const limits = { ...DEFAULT_IMPORT_LIMITS, maxRows: 10 };
    const exactly = await checkLeadFileInWorker(csv(10), { source: { format: 'csv' }, limits });
    expect(exactly.rows).toBe(10);
    const over = checkLeadFileInWorker(csv(11), { source: { format: 'csv' }, limits });
    await expect(over).rejects.toBeInstanceOf(ImportLimitError);
    await expect(over).rejects.toMatchObject({
      limit: 'IMPORT_MAX_ROWS',
      message: expect.stringMatching(/split/),
    });
  });

  it('refuses a file over the cell limit', async () => {
    const limits = { ...DEFAULT_IMPORT_LIMITS, maxCells: 1_000 };
    const wide = checkLeadFileInWorker(csv(2, 600), { source: { format: 'csv' }, limits });
    await expect(wide).rejects.toMatchObject({ limit: 'IMPORT_MAX_CELLS' });
  });
});
