import { describe, expect, it } from 'vitest';
import { parseLeadRef, resolveLeadRef } from '../../../src/core/leads/index.js';
import { type LeadId, orgId } from '../../../src/core/shared/ids.js';
import { FakeLeadRepository } from '../fake-lead-repository.js';

const ORG = orgId('00000000000000000000a001');

describe('lead references', () => {
  it('reads a code in any case, with or without the prefix, full-width too', () => {
    for (const ref of ['L-1042', 'l-1042', 'L1042', '1042', ' Ｌ－１０４２ ']) {
      expect(parseLeadRef(ref)).toEqual({ code: 'L-1042' });
    }
  });

  it('reads a 24-hex id as an id, in lower case', () => {
    expect(parseLeadRef('6B0F064758542000D1EDF016')).toEqual({ id: '6b0f064758542000d1edf016' });
  });

  it('reads nothing else as a lead', () => {
    for (const ref of ['', 'L-', 'X-12', 'L-12a', '6b0f06475854', '张伟'])
      expect(parseLeadRef(ref)).toBeUndefined();
  });

  it('resolves a code and an id to the same lead of the org, and nothing in another org', async () => {
    const leads = new FakeLeadRepository();
    const stored = await leads.insert({
      orgId: ORG,
      contact: {},
      source: 'api',
      tags: [],
      score: 1,
      grade: 'normal',
      status: 'pooled',
      history: [],
      version: 1,
      createdAt: new Date(0),
      updatedAt: new Date(0),
    });
    const lead = 'lead' in stored ? stored.lead : undefined;
    expect(lead?.code).toBe('L-1001');
    expect((await resolveLeadRef(leads, ORG, 'l1001'))?.id).toBe(lead?.id);
    expect((await resolveLeadRef(leads, ORG, lead?.id as LeadId))?.id).toBe(lead?.id);
    expect(await resolveLeadRef(leads, orgId('00000000000000000000a002'), 'L-1001')).toBeUndefined();
    expect(await resolveLeadRef(leads, ORG, 'nonsense')).toBeUndefined();
  });
});
