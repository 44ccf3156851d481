import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

// `npm run import -- --kind orders FILE` against the real service (the test app): the lead import's CLI, its
// report and progress bar, sending to POST /api/v1/orders:batch.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = 'test/fixtures/import/orders-zh.csv';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

function runImport(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { LEADRELAY_API_TOKEN: _t, LEADRELAY_URL: _u, ...base } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/import.ts', ...args],
      { cwd: ROOT, env: { ...base, LEADRELAY_API_TOKEN: t.token, LEADRELAY_URL: t.baseUrl } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('npm run import -- --kind orders', () => {
  it('imports the good rows, lists the bad ones by row and field, and creates nothing on a second run', async () => {
    const first = await runImport(['--kind', 'orders', '--lang', 'zh-CN', FIXTURE]);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('第 5     行 金额');
    expect(first.stdout).toContain('第 6     行 合同号');
    expect(first.stdout).toContain('查无此人');
    expect(first.stdout).toContain('新建订单 3 个，之前已导入 0 个，未导入 3 行');
    const again = await runImport(['--kind', 'orders', '--lang', 'en', FIXTURE]);
    expect(again.stdout).toContain('orders created 0, already imported 3, rejected 3');
  }, 60_000);
});
