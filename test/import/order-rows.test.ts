import { describe, expect, it } from 'vitest';
import { validateOrderRows } from '../../src/import/validate-order-rows.js';

const row = (rowNumber: number, cells: Record<string, string>) => ({ rowNumber, cells });

describe('validateOrderRows', () => {
  it('reads Chinese and English headers, amounts as people write them and dates in their usual forms', () => {
    const check = validateOrderRows([
      row(2, {
        订单号: 'SO-1',
        客户: '云启',
        明细: '服务器',
        产品: '安装',
        金额: '4.8万',
        合同号: 'H1',
        签约日期: '2026年3月1日',
      }),
      row(3, { 订单号: 'SO-2', 客户: '云启', 金额: '¥12,000', 合同号: 'H2', 签约日期: '2026/3/2' }),
      row(4, { 订单号: 'SO-3', 客户: '云启', 金额: '300', 合同号: 'H3', 签约日期: '46083' }),
      row(5, {
        'Order No': 'SO-4',
        Customer: '云启',
        Amount: '1k',
        Contract: 'H4',
        'Signed at': '2026.03.04',
      }),
    ]);
    expect(check.rejected).toEqual([]);
    expect(check.good.map((g) => [g.input.amount, g.input.signedAt])).toEqual([
      [48_000, '2026-03-01'],
      [12_000, '2026-03-02'],
      [300, '2026-03-02'],
      [1_000, '2026-03-04'],
    ]);
    // 明细 and 产品 both say what was sold: kept one per line.
    expect(check.good[0]!.input.items).toBe('服务器\n安装');
  });

  it('names every bad field of a row at once, with what the row gave, and keys rows by their content', () => {
    const check = validateOrderRows([
      row(2, { 订单号: 'SO-1', 金额: '很多', 合同号: 'H1', 签约日期: '下周' }),
      row(3, { 订单号: 'SO-2', 客户: '云启', 金额: '10', 合同号: 'H2', 签约日期: '2026-03-01' }),
      row(4, { 订单号: 'SO-2', 客户: '云启', 金额: '10', 合同号: 'H2', 签约日期: '2026-03-01' }),
    ]);
    expect(check.rejected.map((r) => [r.rowNumber, r.field, r.given])).toEqual([
      [2, 'amount', '很多'],
      [2, 'signedAt', '下周'],
      [2, 'customer', undefined],
    ]);
    expect(check.good[0]!.idempotencyKey).toBe(check.good[1]!.idempotencyKey);
    expect(check.warnings).toContainEqual({ kind: 'repeated_row', row: 4, first: 3 });
  });
});
