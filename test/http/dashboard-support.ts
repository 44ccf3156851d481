import type { TestApp } from '../support/test-app.js';

/** A demo member's id by name (the sandbox's member list). */
export async function memberIdOf(t: TestApp, name: string): Promise<string> {
  const { body } = await t.request('GET', '/sandbox/api/members');
  const member = body.find((m: { name: string }) => m.name === name);
  if (!member) throw new Error(`no member ${name}`);
  return member.id;
}

/** Sends `/看板` as the member on the sandbox and returns the link's path (`/dashboard?t=…`) from the reply. */
export async function dashboardLinkFor(
  t: TestApp,
  name: string,
): Promise<{ path: string; token: string; text: string }> {
  const member = await memberIdOf(t, name);
  const res = await t.request('POST', '/sandbox/api/commands', { member, text: '/看板' });
  const text: string = res.body.replies.map((r: { text?: string }) => r.text ?? '').join('\n');
  const match = /\/dashboard\?t=([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no link in ${JSON.stringify(res.body)}`);
  return { path: match[0], token: match[1], text };
}

/** Exchanges a link's secret as the page's script does; the session cookie (name=value) when it opened. */
export async function openLink(t: TestApp, token: string) {
  const res = await fetch(`${t.baseUrl}/dashboard/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ t: token }),
  });
  const setCookie = res.headers.get('set-cookie') ?? '';
  const body = res.status === 204 ? undefined : await res.json();
  return { status: res.status, setCookie, cookie: setCookie.split(';')[0] ?? '', body };
}

/** Signs the member in and returns the cookie header to send. */
export async function signIn(t: TestApp, name: string): Promise<string> {
  const { token } = await dashboardLinkFor(t, name);
  const opened = await openLink(t, token);
  if (opened.status !== 204) throw new Error(`sign-in failed: ${opened.status}`);
  return opened.cookie;
}
