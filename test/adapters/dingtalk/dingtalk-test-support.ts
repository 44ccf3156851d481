import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DingtalkSettings } from '../../../src/adapters/dingtalk/dingtalk-settings.js';

export const SECRET = 'test-app-secret-Zx81';

export function testSettings(overrides: Partial<DingtalkSettings> = {}): DingtalkSettings {
  return {
    clientId: 'dingq8zt3kxyfwa4mrqe',
    clientSecret: SECRET,
    robotCode: 'dingq8zt3kxyfwa4mrqe',
    cardTemplateId: 'b4f2e1c0-9945-4e13-9989-747da19e3bc7.schema',
    mode: 'stream',
    apiUrl: 'http://127.0.0.1:9',
    ...overrides,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: fixtures are arbitrary recorded JSON
export function fixture(name: string): any {
  return JSON.parse(readFileSync(path.resolve('test/fixtures/dingtalk', name), 'utf8'));
}

/** Headers DingTalk puts on a robot message callback (the documented algorithm, written out independently). */
export function robotHeaders(timestampMs: number, secret = SECRET): Record<string, string> {
  const sign = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
  return { timestamp: String(timestampMs), sign };
}

/** Headers on a card callback whose route was registered with apiSecret = the app secret. */
export function cardHeaders(timestampMs: number, secret = SECRET): Record<string, string> {
  const signature = createHmac('sha256', secret).update(String(timestampMs)).digest('base64');
  return { 'x-ddpaas-signature-timestamp': String(timestampMs), 'x-ddpaas-signature': signature };
}
