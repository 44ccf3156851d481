import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { generatedFollowUpSource } from '../../scripts/bench/generated-follow-ups.js';
import type { ExportSource } from '../../src/core/exports/index.js';
import { orgId } from '../../src/core/shared/ids.js';

// The export bench's generated source (`--export-source generated`): what it measures is only worth anything if it
// hands the use-case the records the database path would, as many as asked, and stops when the export is aborted.

const org = new ObjectId();
const authors = [
  { _id: new ObjectId(), name: '张伟' },
  { _id: new ObjectId(), name: '李娜' },
];
const filter = { orgId: orgId(org.toHexString()), scope: { kind: 'all' as const } };

describe('the bench’s generated follow-ups', () => {
  it('counts and yields that many follow-ups of the org, by the authors in turn, in November 2026', async () => {
    const source = generatedFollowUpSource({} as ExportSource, 5, org, authors)['follow-ups'];
    expect(await source.count(filter)).toBe(5);
    const read = [];
    for await (const record of source.read(filter)) read.push(record);
    expect(read).toHaveLength(5);
    expect(read.map((r) => r.authorName)).toEqual(['张伟', '李娜', '张伟', '李娜', '张伟']);
    expect(read[3]?.content).toBe('第 3 次跟进：客户询问报价，约下周二再谈, "含税"价格');
    expect(read.every((r) => r.at.toISOString().startsWith('2026-1'))).toBe(true);
    expect(new Set(read.map((r) => r.id)).size).toBe(5);
  });

  it('stops at an aborted export', async () => {
    const source = generatedFollowUpSource({} as ExportSource, 1_000, org, authors)['follow-ups'];
    const abort = new AbortController();
    let n = 0;
    for await (const _ of source.read(filter, abort.signal)) {
      if (++n === 3) abort.abort();
    }
    expect(n).toBe(3);
  });
});
