import { describe, expect, it } from 'vitest';
import { intakeLead } from '../../../src/core/leads/intake-lead.js';
import { intakeLeadsBatch, intakeParsedBatch } from '../../../src/core/leads/intake-leads-batch.js';
import { leadInputSchema } from '../../../src/core/leads/lead-input.js';
import { requestFingerprint } from '../../../src/core/leads/request-fingerprint.js';
import { leadWorld, ROUND_ROBIN, refusal } from '../lead-world.js';

const routed = () => leadWorld({ settings: { routing: ROUND_ROBIN } });
const person = (n: number) => ({
  name: `客户 ${n}`,
  phone: `1370000${String(n).padStart(4, '0')}`,
  source: 'website',
});

describe('idempotency keys mean one request', () => {
  it('refuses a key reused with a different lead (409) and stores nothing for it', async () => {
    const w = routed();
    const first = await intakeLead(w.deps, w.system, { lead: person(1), idempotencyKey: 'k' });
    const reused = await refusal(intakeLead(w.deps, w.system, { lead: person(2), idempotencyKey: 'k' }));
    expect(reused.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(reused.details).toMatchObject({ leadId: first.lead.id, matchedOn: 'idempotencyKey' });
    expect(w.leads.all()).toHaveLength(1);
    // The same lead written another way (spaces in the phone, a blank field) is still the same request.
    const retry = await intakeLead(w.deps, w.system, {
      lead: { ...person(1), phone: '137 0000 0001', campaign: ' ' },
      idempotencyKey: 'k',
    });
    expect(retry).toEqual({ lead: first.lead, created: false });
  });

  it('refuses a source + externalId sent again with a different lead, and replays the same one', async () => {
    const w = routed();
    const first = await intakeLead(w.deps, w.system, { lead: { ...person(1), externalId: 'crm-1' } });
    const changed = { ...person(1), externalId: 'crm-1', intent: '改了意向' };
    const reused = await refusal(intakeLead(w.deps, w.system, { lead: changed }));
    expect(reused.details).toMatchObject({
      matchedOn: 'externalId',
      externalId: 'crm-1',
      leadId: first.lead.id,
    });
    const again = await intakeLead(w.deps, w.system, { lead: { ...person(1), externalId: 'crm-1' } });
    expect(again).toEqual({ lead: first.lead, created: false });
  });

  it('refuses both items of a batch that share a key, naming their positions, and stores the others', async () => {
    const w = routed();
    const results = await intakeLeadsBatch(w.deps, w.system, {
      leads: [person(1), person(2), person(3)],
      idempotencyKeys: ['k', 'other', 'k'],
    });
    expect(results.map((r) => r.ok)).toEqual([false, true, false]);
    for (const at of [0, 2]) {
      const r = results[at]!;
      expect(!r.ok && 'issues' in r && r.issues).toEqual([
        { field: `idempotencyKeys[${at}]`, message: expect.stringContaining('leads 0, 2') },
      ]);
    }
    expect(w.leads.all().map((l) => l.contact.name)).toEqual(['客户 2']);
  });

  it('gives batch items and single requests their own key spaces', async () => {
    const w = routed();
    const batch = await intakeLeadsBatch(w.deps, w.system, {
      leads: [person(1), person(2)],
      idempotencyKey: 'K',
    });
    const single = await intakeLead(w.deps, w.system, { lead: person(3), idempotencyKey: 'K#0' });
    expect(single.created).toBe(true);
    expect(single.lead.id).not.toBe(batch[0]!.ok && batch[0]!.lead.id);
    expect(w.leads.all().map((l) => l.idempotencyKey)).toEqual(['batch:K#0', 'batch:K#1', 'single:K#0']);
  });

  it('refuses a batch item whose key was used for another lead, and replays a true retry', async () => {
    const w = routed();
    const first = await intakeLeadsBatch(w.deps, w.system, { leads: [person(1)], idempotencyKeys: ['a'] });
    const results = await intakeLeadsBatch(w.deps, w.system, {
      leads: [person(1), person(9), person(4)],
      idempotencyKeys: ['a', 'b', 'c'],
    });
    expect(results[0]).toEqual({ ok: true, lead: first[0]!.ok && first[0]!.lead, created: false });
    const second = await intakeLeadsBatch(w.deps, w.system, { leads: [person(5)], idempotencyKeys: ['b'] });
    expect(second[0]).toMatchObject({ ok: false, refused: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(w.leads.all()).toHaveLength(3);
  });

  it('refuses a later item of the same batch reusing an externalId for another lead', async () => {
    const w = routed();
    const results = await intakeLeadsBatch(w.deps, w.system, {
      leads: [
        { ...person(1), externalId: 'x' },
        { ...person(1), externalId: 'x' },
        { ...person(2), externalId: 'x' },
      ],
    });
    expect(results.map((r) => (r.ok ? r.created : 'refused' in r && r.refused.code))).toEqual([
      true,
      false,
      'IDEMPOTENCY_KEY_REUSED',
    ]);
    expect(w.leads.all()).toHaveLength(1);
  });

  it('keeps the import path a replay for rows imported again (content keys), as one request each', async () => {
    const w = routed();
    const rows = [1, 2].map((n) => ({
      input: leadInputSchema.parse(person(n)),
      idempotencyKey: `import:${requestFingerprint(leadInputSchema.parse(person(n))).slice(0, 32)}`,
    }));
    const first = await intakeParsedBatch(w.deps, w.org, rows);
    const again = await intakeParsedBatch(w.deps, w.org, rows);
    expect(again.map((r) => [r.lead.id, r.created])).toEqual(first.map((r) => [r.lead.id, false]));
  });
});
