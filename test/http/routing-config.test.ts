import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../src/core/org/caller.js';
import { issueApiToken } from '../../src/core/org/issue-api-token.js';
import { orgId } from '../../src/core/shared/ids.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let managerToken: string;
beforeAll(async () => {
  t = await startTestApp();
  managerToken = await issueApiToken(
    { tokens: t.app.repos.tokens, clock: t.app.clock },
    systemCaller((await t.app.repos.orgs.get(orgId(t.orgId)))!, 'en'),
    {
      name: 'crm',
      roles: ['manager'],
    },
  );
});
afterAll(() => t.close());

const as = (token: string) => ({ authorization: `Bearer ${token}` });

describe('routing and scoring configuration', () => {
  it('shows the demo rules, and lets only an admin replace them', async () => {
    const current = await t.request('GET', '/api/v1/routing', undefined, as(managerToken));
    expect(current.status).toBe(200);
    expect(current.body.routing.rules.map((r: { id: string }) => r.id)).toEqual([
      'east-china',
      'events',
      'website',
      'ads',
    ]);
    const denied = await t.request('PUT', '/api/v1/routing', current.body.routing, as(managerToken));
    expect(denied.status).toBe(403);
  });

  it('names every bad part of a rule set and stores none of it', async () => {
    const current = (await t.request('GET', '/api/v1/routing', undefined, as(t.token))).body.routing;
    const bad = {
      rules: [
        {
          id: 'x',
          name: 'x',
          when: { scoreMin: 80, scoreMax: 10 },
          teamId: '000000000000000000000000',
          strategy: 'round_robin',
        },
        { id: 'x', name: 'dup', teamId: current.default.teamId, strategy: 'fastest' },
      ],
      default: current.default,
    };
    const res = await t.request('PUT', '/api/v1/routing', bad, as(t.token));
    expect(res.status).toBe(400);
    const fields = res.body.error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['rules.0.when.scoreMin', 'rules.1.strategy']));
    const unknownTeam = await t.request(
      'PUT',
      '/api/v1/routing',
      { rules: [{ ...bad.rules[0], when: {} }], default: current.default },
      as(t.token),
    );
    expect(unknownTeam.body.error.details.issues).toEqual([
      { field: 'rules.0.teamId', message: 'no such team in this org', problem: { kind: 'no_such_team' } },
    ]);
    expect((await t.request('GET', '/api/v1/routing', undefined, as(t.token))).body.routing).toEqual(current);
  });

  it('routes by the new rules at once after a replace', async () => {
    const current = (await t.request('GET', '/api/v1/routing', undefined, as(t.token))).body.routing;
    const vip = {
      id: 'vip',
      name: 'VIP → pool',
      when: { tags: ['VIP'] },
      teamId: current.default.teamId,
      strategy: 'pool',
    };
    const put = await t.request(
      'PUT',
      '/api/v1/routing',
      { ...current, rules: [vip, ...current.rules] },
      as(t.token),
    );
    expect(put.status).toBe(200);
    const lead = await t.request(
      'POST',
      '/api/v1/leads',
      { phone: '13711112222', source: 'api', tags: ['vip'] },
      as(t.token),
    );
    expect(lead.body.lead.assignment.rule.id).toBe('vip');
    expect(lead.body.lead.status).toBe('pooled');
  });

  it('replaces the scoring table, and scores new leads by it', async () => {
    const table = (await t.request('GET', '/api/v1/scoring', undefined, as(t.token))).body;
    expect(table.isDefault).toBe(true);
    const res = await t.request(
      'PUT',
      '/api/v1/scoring',
      { ...table.scoring, importantThreshold: 10 },
      as(t.token),
    );
    expect(res.status).toBe(200);
    const lead = await t.request(
      'POST',
      '/api/v1/leads',
      { phone: '13711113333', source: 'api' },
      as(t.token),
    );
    expect(lead.body.lead.grade).toBe('important');
    const typo = await t.request('PUT', '/api/v1/scoring', { ...table.scoring, sorce: {} }, as(t.token));
    expect(typo.status).toBe(400);
  });
});
