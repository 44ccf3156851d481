import type { DigestRuns, DigestTake } from '../../src/core/reports/index.js';

/** The digest's run markers in memory, held to mongoDigestRuns by test/storage/digest-runs.contract.test.ts. */
export function fakeDigestRuns(): DigestRuns & {
  readonly markers: Map<string, { state: string; leaseUntil: Date }>;
} {
  const markers = new Map<string, { state: string; leaseUntil: Date }>();
  return {
    markers,
    async take(org, week, now, leaseMs): Promise<DigestTake> {
      const held = markers.get(`${org}:${week}`);
      if (held?.state === 'done') return 'done';
      if (held && held.leaseUntil > now) return 'busy';
      markers.set(`${org}:${week}`, { state: 'running', leaseUntil: new Date(now.getTime() + leaseMs) });
      return 'taken';
    },
    async finish(org, week) {
      const held = markers.get(`${org}:${week}`);
      if (held) held.state = 'done';
    },
  };
}
