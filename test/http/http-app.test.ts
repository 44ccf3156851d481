import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ bodyLimit: '2kb' });
});
afterAll(() => t.close());

const auth = () => ({ authorization: `Bearer ${t.token}` });

describe('HTTP app', () => {
  it('answers /healthz and /readyz with the checks it made', async () => {
    expect((await t.request('GET', '/healthz')).body).toEqual({ status: 'ok' });
    const ready = await t.request('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ database: 'ok', outbox: 'ok', jobs: 'ok', accepting: 'ok' });
  });

  it('reports not ready once shutdown has begun', async () => {
    const other = await startTestApp({ demo: false });
    other.app.stopAccepting();
    const ready = await other.request('GET', '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.accepting).toBe('shutting down');
    await other.close();
  });

  it('puts a request id on every response and keeps a sane one from the caller', async () => {
    const fresh = await t.request('GET', '/healthz');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await t.request('GET', '/healthz', undefined, { 'x-request-id': 'abc-123' });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const hostile = await t.request('GET', '/healthz', undefined, { 'x-request-id': '<script>' });
    expect(hostile.headers.get('x-request-id')).not.toBe('<script>');
  });

  it('refuses the API without a valid bearer token, and serves the org with one', async () => {
    const none = await t.request('GET', '/api/v1/members');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('UNAUTHENTICATED');
    const wrong = await t.request('GET', '/api/v1/members', undefined, {
      authorization: 'Bearer lr_not-a-token',
    });
    expect(wrong.status).toBe(401);
    const ok = await t.request('GET', '/api/v1/members', undefined, auth());
    expect(ok.status).toBe(200);
    expect(ok.body.members).toHaveLength(17);
    expect(JSON.stringify(ok.body)).not.toContain('identities');
    const org = await t.request('GET', '/api/v1/org', undefined, auth());
    expect(org.body.org.settings).toMatchObject({
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      dailyCaps: { junior: 10, senior: 20 },
    });
  });

  it('answers 413 with a JSON error for an oversized body', async () => {
    const big = { member: 'x'.repeat(5000), text: 'hi' };
    const response = await t.request('POST', '/sandbox/api/commands', big);
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 400 for malformed JSON without a stack trace', async () => {
    const response = await t.request('POST', '/sandbox/api/commands', '{"member":', {
      'content-type': 'application/json',
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('turns an unexpected failure into a 500 that carries the request id and no stack', async () => {
    // A database that is gone is the most common real "bug-like" failure: close it under the app.
    const other = await startTestApp({ demo: false });
    await other.app.models.Org.db.close();
    const response = await other.request('GET', '/sandbox/api/members');
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe('INTERNAL');
    expect(response.body.error.details.requestId).toBe(response.headers.get('x-request-id'));
    expect(JSON.stringify(response.body)).not.toContain('node_modules');
    await other.close().catch(() => undefined);
  });

  it('answers an unknown endpoint with a JSON 404', async () => {
    const response = await t.request('GET', '/api/v1/nothing-here', undefined, auth());
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('answers 404 for unknown sandbox members rather than a cast error', async () => {
    const response = await t.request('GET', '/sandbox/api/messages?member=not-an-id');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('MEMBER_NOT_FOUND');
  });
});

describe('error messages in the caller’s language (issue #11)', () => {
  it('answers in Accept-Language, else the org’s locale (zh-CN), with the same code either way', async () => {
    const zh = await t.request('GET', `/api/v1/leads/${'0'.repeat(24)}`, undefined, auth());
    expect(zh.status).toBe(404);
    expect(zh.body.error).toMatchObject({
      code: 'LEAD_NOT_FOUND',
      message: '没有找到这条线索，请检查编号。',
    });
    const en = await t.request('GET', `/api/v1/leads/${'0'.repeat(24)}`, undefined, {
      ...auth(),
      'accept-language': 'en-US,en;q=0.9',
    });
    expect(en.body.error.code).toBe('LEAD_NOT_FOUND');
    expect(en.body.error.message).toMatch(/^[\x20-\x7e]+$/);
    const bad = await t.request(
      'POST',
      '/api/v1/leads',
      { phone: '13800000001', name: 'x'.repeat(101) },
      auth(),
    );
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.message).toBe('输入有误：联系人：最多 100 个字');
    const nowhere = await t.request('GET', '/nowhere', undefined, { 'accept-language': 'zh-CN' });
    expect(nowhere.body.error).toMatchObject({ code: 'NOT_FOUND', message: '没有找到要操作的记录。' });
  });
});
