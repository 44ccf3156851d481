import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxSink } from '../../src/export-files/xlsx-sink.js';

// The XLSX writer streams: the zip reaches the response while rows are still coming, so what it holds does not grow
// with the rows (a million rows once piled up 480 MB inside exceljs before the first byte went out), and the file is
// still a whole workbook. The rows are written back to back, as a cursor's batch yields them (no I/O between them).

const ROWS = 20_000;
const row = (i: number) => [`第 ${i} 次跟进：客户询问报价，约下周二再谈, "含税"价格`, '电话', '张伟', i];

/** A response that takes each chunk on the next tick, as a socket does; `stall` stops taking any. */
function response(options: { stall?: boolean } = {}) {
  const chunks: Buffer[] = [];
  const out = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      if (!options.stall) setImmediate(done);
    },
  });
  return { out, chunks, bytes: () => chunks.reduce((n, c) => n + c.length, 0) };
}

describe('xlsxSink', () => {
  it('hands the zip to the stream as rows come, and the file holds every row', async () => {
    const { out, chunks, bytes } = response();
    const sink = xlsxSink(out, '跟进记录');
    await sink.header(['内容', '方式', '跟进人', '序号']);
    let halfway = 0;
    for (let i = 1; i <= ROWS; i++) {
      await sink.row(row(i));
      if (i === ROWS / 2) halfway = bytes();
    }
    await sink.end();
    // Half the rows' zip is out before the end (about half of 430 KB here): nothing is held back for the commit.
    expect(halfway).toBeGreaterThan(bytes() / 4);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('跟进记录');
    expect(sheet?.rowCount).toBe(ROWS + 1);
    expect(sheet?.getRow(ROWS + 1).values).toEqual([undefined, ...row(ROWS)]);
  }, 60_000);

  it('stops with an error, not a hang, when the response goes away while a row waits', async () => {
    const { out } = response({ stall: true });
    const sink = xlsxSink(out, 'x');
    await sink.header(['内容', '方式', '跟进人', '序号']);
    let written = 0;
    const writing = (async () => {
      for (let i = 1; i <= ROWS; i++) {
        await sink.row(row(i));
        written = i;
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    out.destroy();
    await expect(writing).rejects.toThrow('export stream closed');
    expect(written).toBeLessThan(ROWS);
  });
});
