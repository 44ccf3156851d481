import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(path.join(tmpdir(), 'leadrelay-main-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts `src/config/main.ts` as `npm start` would, on a free port and the offline dev server. */
function startService(port: number): {
  child: ChildProcess;
  output: () => string;
  waitFor: (text: string) => Promise<void>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/config/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EMBEDDED_DB: 'dev-server',
      LOG_LEVEL: 'warn',
      MONGODB_URI: '',
      DEMO_API_TOKEN: 'demo-token-for-lifecycle-test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  return {
    child,
    output: () => out,
    waitFor: (text) =>
      new Promise((resolve, reject) => {
        const timer = setInterval(() => {
          if (out.includes(text)) {
            clearInterval(timer);
            resolve();
          } else if (child.exitCode !== null) {
            clearInterval(timer);
            reject(new Error(`service exited early:\n${out}`));
          }
        }, 50);
      }),
  };
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('main', () => {
  it('starts on embedded defaults, stops cleanly on SIGTERM, and keeps its data across a restart', async () => {
    const port = 3900 + Math.floor(Math.random() * 90);
    const first = startService(port);
    await first.waitFor('Sandbox workspace:');
    expect(first.output()).toContain('offline dev server');
    expect(first.output()).toContain('Demo org created: 17 members');
    const token = { authorization: 'Bearer demo-token-for-lifecycle-test' };
    const members = await (await fetch(`http://127.0.0.1:${port}/api/v1/members`, { headers: token })).json();
    const rep = members.members.find((m: { name: string }) => m.name === '刘洋');
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    // A change made before the restart must still be there after it.
    const messages = await (
      await fetch(`http://127.0.0.1:${port}/sandbox/api/messages?member=${rep.id}`)
    ).json();
    await fetch(`http://127.0.0.1:${port}/sandbox/api/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ member: rep.id, message: messages[0].id, actionId: 'member.set_availability' }),
    });
    const exited = exitOf(first.child);
    first.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(first.output()).toContain('stopped cleanly');

    const second = startService(port);
    await second.waitFor('Sandbox workspace:');
    expect(second.output()).toContain('Demo org ready: 17 members');
    const after = await (await fetch(`http://127.0.0.1:${port}/api/v1/members`, { headers: token })).json();
    expect(after.members.find((m: { id: string }) => m.id === rep.id).availability).toBe('on_leave');
    const stopped = exitOf(second.child);
    second.child.kill('SIGINT');
    expect(await stopped).toBe(0);
  }, 90_000);

  it('refuses to start on a bad setting and names it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/config/main.ts'], {
      env: { ...process.env, PORT: 'eighty', LOG_LEVEL: 'loud' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr?.on('data', (d) => (err += d));
    expect(await exitOf(child)).toBe(1);
    expect(err).toMatch(/PORT: /);
    expect(err).toMatch(/LOG_LEVEL: /);
  }, 30_000);

  it('refuses to start an enabled platform without its settings, naming every one and no secret', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/config/main.ts'], {
      env: {
        ...process.env,
        PLATFORMS: 'sandbox,slack,wecom',
        SLACK_BOT_TOKEN: 'xoxb-secret-value',
        WECOM_CORP_ID: 'ww1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr?.on('data', (d) => (err += d));
    expect(await exitOf(child)).toBe(1);
    expect(err).toContain('SLACK_SIGNING_SECRET');
    for (const name of ['WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_TOKEN', 'WECOM_ENCODING_AES_KEY'])
      expect(err).toContain(name);
    expect(err).not.toContain('xoxb-secret-value');
    expect(err).not.toMatch(/\n\s+at /);
  }, 30_000);
});
