import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textField } from '../../src/core/shared/text-field.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('textField', () => {
  const oneLine = textField().trim().max(20);
  const multiLine = textField({ multiLine: true });

  it('takes plain text in any script, and tabs and line breaks where text may span lines', () => {
    expect(oneLine.parse(' 张伟 Zhāng 🙂 ')).toBe('张伟 Zhāng 🙂');
    expect(multiLine.parse('第一行\r\n\tsecond line')).toBe('第一行\r\n\tsecond line');
  });

  it.each([
    ['NUL', 'a\u0000b', 'U+0000'],
    ['an ANSI escape', '\u001b[31mred', 'U+001B'],
    ['a line break', 'Evil\nINFO forged', 'U+000A'],
    ['DEL', 'a\u007f', 'U+007F'],
    ['a C1 control', 'a\u0085b', 'U+0085'],
    ['a bidi override', 'abc\u202Eevil', 'U+202E'],
    ['a bidi isolate', '\u2066x\u2069', 'U+2066'],
  ])('refuses %s, naming the character', (_, text, code) => {
    const result = oneLine.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(code);
  });

  it('refuses in multi-line text what is not a tab or a line break, and lone surrogates everywhere', () => {
    expect(multiLine.safeParse('a\u000bb').success).toBe(false);
    expect(multiLine.safeParse('x\u202Dy').success).toBe(false);
    expect(oneLine.safeParse('a\ud800').error?.issues[0]?.message).toMatch(/lone UTF-16 surrogate/);
    expect(multiLine.safeParse('\udc00').success).toBe(false);
  });
});

describe('the JSON API refuses what it cannot store as sent', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  const auth = () => ({ authorization: `Bearer ${t.token}` });
  const raw = (path: string, body: string, type: string | undefined, method = 'POST') =>
    fetch(`${t.baseUrl}${path}`, {
      method,
      headers: { ...auth(), ...(type ? { 'content-type': type } : {}) },
      body,
    }).then(async (res) => ({ status: res.status, body: await res.json() }));

  it('answers 415 to a form-encoded, text or unknown-charset body, and stores nothing', async () => {
    const form = await raw(
      '/api/v1/leads',
      'phone=13900000001&source=api',
      'application/x-www-form-urlencoded',
    );
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const json = JSON.stringify({ phone: '13900000001', source: 'api' });
    expect((await raw('/api/v1/leads', json, 'text/plain')).status).toBe(415);
    expect((await raw('/api/v1/leads', json, undefined)).status).toBe(415);
    expect((await raw('/api/v1/leads', json, 'application/json; charset=latin1')).status).toBe(415);
    expect(await t.app.models.Lead.countDocuments({})).toBe(0);
    expect((await raw('/api/v1/leads', json, 'application/json; charset=UTF-8')).status).toBe(201);
    // A path no route serves is a 404 whatever it is sent.
    expect((await raw('/api/v1/no-such-thing', 'a=1', 'application/x-www-form-urlencoded')).status).toBe(404);
  });

  it('answers 400 naming the field to control and bidi characters, and to lone surrogates anywhere', async () => {
    const post = (lead: unknown) => t.request('POST', '/api/v1/leads', lead, auth());
    const issues = async (lead: unknown) => {
      const res = await post(lead);
      expect(res.status).toBe(400);
      return res.body.error.details.issues as { field: string; message: string }[];
    };
    expect(await issues({ phone: '13900000002', source: 'api', name: 'Evil\u202Egnp.exe' })).toEqual([
      { field: 'name', message: expect.stringContaining('U+202E'), problem: { kind: 'unsafe_text' } },
    ]);
    expect((await issues({ phone: '13900000002', source: 'api', tags: ['ok', '\u001b[2J'] }))[0]?.field).toBe(
      'tags.1',
    );
    // Escaped in the JSON text, so it reaches the server as a lone surrogate.
    const lone = await raw(
      '/api/v1/leads',
      '{"phone":"13900000002","source":"api","name":"\\ud800"}',
      'application/json',
    );
    expect(lone.status).toBe(400);
    expect(lone.body.error.details.issues).toEqual([
      { field: 'name', message: expect.stringMatching(/surrogate/), problem: { kind: 'unsafe_text' } },
    ]);
    const key = await raw(
      '/api/v1/leads',
      '{"phone":"13900000002","source":"api","\\udc00":1}',
      'application/json',
    );
    expect(key.status).toBe(400);
    // Multi-line free text keeps its line breaks and tabs.
    const ok = await post({ phone: '13900000002', source: 'api', intent: '需要报价\r\n\t- 100 台' });
    expect(ok.status).toBe(201);
    expect(ok.body.lead.intent).toBe('需要报价\r\n\t- 100 台');
    expect(await t.app.models.Lead.countDocuments({ 'contact.phone': '13900000002' })).toBe(1);
  });

  it('accepts routing weights only for member ids of the rule team: 400 otherwise, never 500', async () => {
    const routing = (await t.request('GET', '/api/v1/routing', undefined, auth())).body.routing;
    const members = (await t.request('GET', '/api/v1/members', undefined, auth())).body.members as {
      id: string;
      team: string | null;
    }[];
    const teams = (await t.request('GET', '/api/v1/teams', undefined, auth())).body.teams as {
      id: string;
      name: string;
    }[];
    const teamName = teams.find((team) => team.id === routing.default.teamId)?.name;
    const inTeam = members.find((m) => m.team === teamName)!;
    const outside = members.find((m) => m.team !== null && m.team !== teamName)!;
    const put = (weights: unknown) =>
      t.request('PUT', '/api/v1/routing', { ...routing, default: { ...routing.default, weights } }, auth());
    for (const weights of [{ $where: 1 }, { 'a.b': 1 }, { [outside.id]: 1 }]) {
      const res = await put(weights);
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues[0].field).toBe(`default.weights.${Object.keys(weights)[0]}`);
    }
    const good = await put({ [inTeam.id]: 3 });
    expect(good.status).toBe(200);
    expect(good.body.routing.default.weights).toEqual({ [inTeam.id]: 3 });
  });

  it('names an unknown key as the field', async () => {
    const res = await t.request('PATCH', '/api/v1/org/settings', { locale: 'en', colour: 'red' }, auth());
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues).toEqual([
      { field: 'colour', message: 'unknown field', problem: { kind: 'unknown_field' } },
    ]);
  });
});
