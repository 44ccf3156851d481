import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = 'test/fixtures/import/leads-zh.csv';

type Run = { code: number; stdout: string; stderr: string };

/** Runs `scripts/import.ts` as `npm run import` would, without the caller's Leadrelay variables. */
function runImport(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const { LEADRELAY_API_TOKEN: _t, LEADRELAY_URL: _u, ...base } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/import.ts', ...args],
      { cwd: ROOT, env: { ...base, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/** A stand-in for the service: answers 201 for a key it has not seen, 200 (a replay) for one it has. */
function fakeService() {
  const seen = new Set<string>();
  const requests: { auth?: string; keys: string[] }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const { idempotencyKeys } = JSON.parse(body) as { idempotencyKeys: string[] };
      requests.push({
        ...(req.headers.authorization ? { auth: req.headers.authorization } : {}),
        keys: idempotencyKeys,
      });
      const results = idempotencyKeys.map((key, i) => {
        const status = seen.has(key) ? 200 : 201;
        seen.add(key);
        return {
          status,
          lead: { id: key.slice(7, 15), status: i === 0 ? 'duplicate' : 'assigned', duplicateOf: 'L0' },
        };
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ results }));
    });
  });
  return { server, requests };
}

describe('npm run import', () => {
  const service = fakeService();
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => service.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(service.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => (service.server as Server).close(resolve));
  });

  it('checks the file without sending anything on --dry-run, and exits 1 for the rejected rows', async () => {
    const run = await runImport([FIXTURE, '--dry-run', '--url', url]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/row 6 +phone +not a phone number/);
    expect(run.stdout).toMatch(/row 9 +email +not an email address/);
    expect(run.stdout).toMatch(/row 9 +grade/);
    expect(run.stdout).toContain('warning: column "负责人" is not a lead field and is ignored');
    expect(run.stdout).toContain('leads-zh.csv: 10 rows, 8 valid, 2 rejected');
    expect(service.requests).toHaveLength(0);
  });

  it('imports the good rows in chunks, and a second run creates nothing new', async () => {
    const first = await runImport([FIXTURE, '--url', url, '--chunk', '3'], {
      LEADRELAY_API_TOKEN: 'lr_test',
    });
    expect(first.code).toBe(1);
    expect(service.requests.map((r) => r.keys.length)).toEqual([3, 3, 2]);
    expect(service.requests[0]!.auth).toBe('Bearer lr_test');
    expect(first.stdout).toContain('created 5, duplicates 3, already imported 0, rejected 2');
    expect(first.stdout).toMatch(/row 2 is a duplicate \(撞单\) of lead L0/);

    const again = await runImport([FIXTURE, '--url', url, '--token', 'lr_test']);
    expect(again.stdout).toContain('created 0, duplicates 0, already imported 8, rejected 2');
  });

  it('exits 2 with what to do when the token is missing or the service is down', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    // Independent runs, started together: each one spends most of its time starting Node.
    const [noToken, down] = await Promise.all([
      runImport([FIXTURE, '--url', url]),
      runImport([FIXTURE, '--url', `http://127.0.0.1:${port}`, '--token', 'lr_test']),
    ]);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain(
      'set --token or LEADRELAY_API_TOKEN; the demo token is printed by npm start',
    );
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('is the service running? start it with npm start');
  });

  it('words its headings, warnings and file-level errors in Chinese with --lang zh-CN', async () => {
    const [dry, missing] = await Promise.all([
      runImport([FIXTURE, '--dry-run', '--lang', 'zh-CN']),
      runImport(['no-such-file.csv', '--dry-run', '--lang', 'zh-CN']),
    ]);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('提示：「负责人」列不是线索字段，已忽略');
    expect(dry.stdout).toContain('未导入的行（改正后重新导入整个文件即可，已导入的行会跳过）：');
    expect(dry.stdout).toMatch(/第 6 +行 手机/);
    expect(dry.stdout).toContain('leads-zh.csv：共 10 行，有效 8 行，未通过 2 行');
    expect(dry.stdout).toContain('试运行：未发送。');
    expect(dry.stdout).not.toMatch(/warning|rejected|rows|valid|dry run/);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('导入失败：无法读取 no-such-file.csv（ENOENT）：请检查路径');
  });

  it('exits 2 for a file it cannot read', async () => {
    const run = await runImport(['no-such-file.csv', '--dry-run']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot read no-such-file.csv (ENOENT)');
  });

  it("exits 2 for a file over the service's row limit (IMPORT_MAX_ROWS), saying to split it, and sends nothing", async () => {
    const run = await runImport([FIXTURE, '--url', url, '--token', 'lr_test'], { IMPORT_MAX_ROWS: '9' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'more than 9 rows (limit IMPORT_MAX_ROWS): split it into files of at most 9 rows',
    );
    const bad = await runImport([FIXTURE, '--dry-run'], { IMPORT_MAX_ROWS: 'many' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/IMPORT_MAX_ROWS: .*fix it in the environment/);
  });
});
