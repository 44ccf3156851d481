import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Fuzzed bodies at the follow-up API (as fuzz-inputs.test.ts does for the lead API): never a 5xx, and a record is
// stored exactly when the answer says so, whole.
const RUNS = { numRuns: 40 };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const anyJson = fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' });
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 8 }), anyJson);
const near = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 2, arbitrary: valid }, { weight: 1, arbitrary: text });
const followUpish = fc.record(
  {
    channel: near(fc.constantFrom('phone', 'wechat', 'visit', 'email', 'other')),
    content: near(fc.string({ maxLength: 60 })),
    outcome: near(fc.constantFrom('trial-booked', 'no-answer', '约到试用')),
    nextStep: near(fc.string({ maxLength: 20 })),
    nextContactAt: near(
      fc.constantFrom(
        '2030-01-01T10:00:00+08:00',
        '2026-12-03T10:00:00Z',
        '2020-01-01T00:00:00Z',
        '明天',
        '',
      ),
    ),
  },
  { requiredKeys: [] },
);
const body = fc.oneof({ weight: 4, arbitrary: followUpish }, { weight: 1, arbitrary: anyJson });

describe('fuzzed JSON at the follow-up API', () => {
  it('POST /api/v1/leads/:ref/follow-ups and PATCH /api/v1/follow-ups/:id', async () => {
    const headers = { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' };
    const lead = (
      await t.request(
        'POST',
        '/api/v1/leads',
        { phone: '13700009999', source: 'api', region: '上海' },
        headers,
      )
    ).body.lead;
    const count = () => t.app.models.FollowUp.countDocuments({});
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('POST', 'PATCH'), async (sent, method) => {
        const before = await count();
        const last = await t.app.models.FollowUp.findOne({ supersededAt: { $exists: false } }).lean();
        const path =
          method === 'POST' || !last
            ? `/api/v1/leads/${lead.id}/follow-ups`
            : `/api/v1/follow-ups/${last._id}`;
        const res = await fetch(`${t.baseUrl}${path}`, {
          method: method === 'PATCH' && last ? 'PATCH' : 'POST',
          headers,
          body: JSON.stringify(sent),
          signal: AbortSignal.timeout(5_000),
        });
        const raw = await res.text();
        if (res.status >= 500) throw new Error(`${res.status} for ${JSON.stringify(sent)}: ${raw}`);
        const stored = (await count()) - before;
        expect(stored).toBe(res.status === 201 || (res.status === 200 && method === 'PATCH' && last) ? 1 : 0);
        if (stored === 1) {
          const record = await t.app.models.FollowUp.findById(JSON.parse(raw).followUp.id).lean();
          expect(record?.channel).toEqual(expect.any(String));
        }
      }),
      RUNS,
    );
  });
});
