import { ObjectId } from 'mongodb';
import type { ExportSource } from '../../src/core/exports/index.js';
import { followUpFromDoc } from '../../src/storage/repositories/follow-up-repository.js';

/** Who wrote the bench's follow-ups: the demo's reps, in turn. */
export type BenchAuthor = { readonly _id: ObjectId; readonly name: string };

/** November 2026 in Shanghai, where the bench's follow-ups fall, spread evenly over `count`. */
const NOVEMBER_START = Date.UTC(2026, 9, 31, 16);

/**
 * The `n`-th of `count` bench follow-ups, as stored (the follow_ups document): the one shape both the seeding and the
 * generated source use, so a run on either exports the same rows.
 */
export function benchFollowUpDoc(n: number, count: number, org: ObjectId, authors: readonly BenchAuthor[]) {
  const step = (30 * 86_400_000) / Math.max(count, 1);
  const author = authors[n % authors.length];
  const id = new ObjectId();
  return {
    _id: id,
    orgId: org,
    recordId: id,
    version: 1,
    leadId: new ObjectId(),
    channel: n % 3 === 0 ? 'wechat' : 'phone',
    content: `第 ${n} 次跟进：客户询问报价，约下周二再谈, "含税"价格`,
    outcome: 'second-quote',
    nextStep: '发报价单',
    nextContactAt: new Date(NOVEMBER_START + n * step + 86_400_000),
    authorId: author?._id,
    authorName: author?.name ?? '',
    at: new Date(NOVEMBER_START + n * step),
  };
}

/**
 * `--export-source generated`: the follow-ups reader replaced by one that makes `count` documents on the fly and maps
 * each with the repository's own `followUpFromDoc`, every other kind left on the database. It measures this
 * process alone (use-case, columns, masking, CSV/XLSX writers) at sizes the offline dev database cannot serve in
 * reasonable time (its first query over 200,000 documents takes minutes): memory flat here, plus a database
 * cursor's batch (1,000 documents), is the service's memory at any row count. Yields one record per `next`, so the
 * writer's backpressure holds the generator back as it would hold a cursor.
 */
export function generatedFollowUpSource(
  base: ExportSource,
  count: number,
  org: ObjectId,
  authors: readonly BenchAuthor[],
): ExportSource {
  return {
    ...base,
    'follow-ups': {
      count: async () => count,
      async *read(_filter, signal) {
        for (let n = 0; n < count; n++) {
          if (signal?.aborted) return;
          yield followUpFromDoc(benchFollowUpDoc(n, count, org, authors) as never);
        }
      },
    },
  };
}
