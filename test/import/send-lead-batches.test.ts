import { describe, expect, it } from 'vitest';
import { type LeadInput, leadInputSchema } from '../../src/core/leads/lead-input.js';
import { ImportError } from '../../src/import/import-error.js';
import { countOutcomes, exitCodeOf } from '../../src/import/import-report.js';
import { type SendOptions, sendLeadBatches } from '../../src/import/send-lead-batches.js';
import type { GoodRow } from '../../src/import/validate-import-rows.js';

const good = (rowNumber: number): GoodRow => ({
  rowNumber,
  input: leadInputSchema.parse({ phone: `138000000${String(rowNumber).padStart(2, '0')}`, source: 'import' }),
  idempotencyKey: `import:key-${rowNumber}`,
});

type Sent = {
  url: string;
  headers: Record<string, string>;
  body: { leads: LeadInput[]; idempotencyKeys: string[] };
};

/** A fetch that records each request and answers from the given script, one entry per call. */
function fakeFetch(script: ((sent: Sent) => Response | Error)[]) {
  const calls: Sent[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    const sent = {
      url: String(url),
      headers: init?.headers as Record<string, string>,
      body: JSON.parse(String(init?.body)),
    };
    calls.push(sent);
    const answer = script[Math.min(calls.length, script.length) - 1]!(sent);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

const created = (sent: Sent) =>
  Response.json({
    results: sent.body.leads.map((_, i) => ({ status: 201, lead: { id: `L${i}`, status: 'assigned' } })),
  });
const refused = new TypeError('fetch failed', {
  cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
});

function options(fetch: typeof globalThis.fetch, extra: Partial<SendOptions> = {}) {
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };
  return {
    sleeps,
    options: { url: 'http://127.0.0.1:3000/', token: 'lr_test', chunkSize: 2, fetch, sleep, ...extra },
  };
}

describe('sendLeadBatches', () => {
  it('posts the rows in chunks with their keys, token and strategy, reporting progress', async () => {
    const { fetch, calls } = fakeFetch([created]);
    const progress: number[] = [];
    const rows = [2, 3, 5, 6, 7].map(good);
    const { options: o } = options(fetch, { strategy: 'pool', onProgress: (n) => progress.push(n) });
    const outcomes = await sendLeadBatches(rows, o);
    expect(calls.map((c) => c.body.idempotencyKeys)).toEqual([
      ['import:key-2', 'import:key-3'],
      ['import:key-5', 'import:key-6'],
      ['import:key-7'],
    ]);
    expect(calls[0]!.url).toBe('http://127.0.0.1:3000/api/v1/leads:batch');
    expect(calls[0]!.headers.authorization).toBe('Bearer lr_test');
    expect(calls[0]!.body).toMatchObject({ leads: [rows[0]!.input, rows[1]!.input], strategy: 'pool' });
    expect(progress).toEqual([2, 4, 5]);
    expect(outcomes.map((o) => [o.rowNumber, o.outcome])).toEqual([2, 3, 5, 6, 7].map((n) => [n, 'created']));
  });

  it('tells created, duplicate (撞单), already imported and rejected rows apart', async () => {
    const { fetch } = fakeFetch([
      () =>
        Response.json({
          results: [
            { status: 201, lead: { id: 'L1', status: 'claimed', ownerId: 'M1' } },
            { status: 201, lead: { id: 'L2', status: 'duplicate', duplicateOf: 'L0' } },
            { status: 200, lead: { id: 'L3', status: 'duplicate', duplicateOf: 'L0' } },
            {
              status: 400,
              error: {
                code: 'VALIDATION_FAILED',
                message: 'bad',
                details: { issues: [{ field: 'email', message: 'not an email address' }] },
              },
            },
          ],
        }),
    ]);
    const outcomes = await sendLeadBatches(
      [2, 3, 4, 5].map(good),
      options(fetch, { chunkSize: 500 }).options,
    );
    expect(outcomes).toEqual([
      { rowNumber: 2, outcome: 'created', id: 'L1' },
      { rowNumber: 3, outcome: 'duplicate', id: 'L2', duplicateOf: 'L0' },
      { rowNumber: 4, outcome: 'replayed', id: 'L3' },
      { rowNumber: 5, outcome: 'rejected', field: 'email', reason: 'not an email address' },
    ]);
    const counts = countOutcomes([{ rowNumber: 9, field: 'phone', reason: 'x' }], outcomes);
    expect(counts).toEqual({ created: 1, duplicates: 1, replayed: 1, rejected: 2 });
    expect(exitCodeOf(counts)).toBe(1);
    expect(exitCodeOf({ ...counts, rejected: 0 })).toBe(0);
  });

  it('retries a chunk after a network error or a 5xx, backing off, then goes on', async () => {
    const { fetch, calls } = fakeFetch([() => refused, () => new Response('busy', { status: 503 }), created]);
    const { options: o, sleeps } = options(fetch);
    const outcomes = await sendLeadBatches([good(2)], o);
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
    expect(outcomes).toEqual([{ rowNumber: 2, outcome: 'created', id: 'L0' }]);
  });

  it('gives up after three retries and says to start the service', async () => {
    const { fetch, calls } = fakeFetch([() => refused]);
    const { options: o, sleeps } = options(fetch);
    const error = await sendLeadBatches([good(2)], o).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(
      /ECONNREFUSED.*is the service running\? start it with npm start/,
    );
    expect(calls).toHaveLength(4);
    expect(sleeps).toEqual([500, 1000, 2000]);
  });

  it('does not retry a refused token, and says where to get one', async () => {
    const { fetch, calls } = fakeFetch([
      () => Response.json({ error: { code: 'UNAUTHENTICATED' } }, { status: 401 }),
    ]);
    await expect(sendLeadBatches([good(2)], options(fetch).options)).rejects.toThrow(
      /LEADRELAY_API_TOKEN; the demo token is printed by npm start/,
    );
    expect(calls).toHaveLength(1);
  });

  it('shows the service’s message for another refused request', async () => {
    const error = { error: { code: 'BATCH_TOO_LARGE', message: 'at most 1000 leads per batch' } };
    const { fetch } = fakeFetch([() => Response.json(error, { status: 400 })]);
    await expect(sendLeadBatches([good(2)], options(fetch).options)).rejects.toThrow(
      /400: at most 1000 leads/,
    );
  });

  it('refuses an answer that is not Leadrelay’s', async () => {
    const { fetch } = fakeFetch([() => Response.json({ results: [] })]);
    await expect(sendLeadBatches([good(2)], options(fetch).options)).rejects.toThrow(
      /is --url the Leadrelay service/,
    );
  });
});
