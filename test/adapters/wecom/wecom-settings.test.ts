import { describe, expect, it } from 'vitest';
import { readWecomSettings } from '../../../src/adapters/wecom/wecom-settings.js';

const valid = {
  WECOM_CORP_ID: 'ww1436e0e65a779aee',
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'a-secret-value-never-to-be-echoed',
  WECOM_TOKEN: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo',
  WECOM_ENCODING_AES_KEY: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
};

function messageOf(env: Record<string, string | undefined>): string {
  try {
    readWecomSettings(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected readWecomSettings to throw');
}

describe('readWecomSettings', () => {
  it('reads valid settings, with the agent id as a number and the default API URL', () => {
    expect(readWecomSettings(valid)).toEqual({
      ...valid,
      WECOM_AGENT_ID: 1000002,
      WECOM_API_URL: 'https://qyapi.weixin.qq.com',
    });
  });

  it('names every missing variable in one error when none is set', () => {
    expect(messageOf({})).toBe(
      'WeCom is enabled (PLATFORMS) but these are missing: ' +
        'WECOM_CORP_ID, WECOM_AGENT_ID, WECOM_SECRET, WECOM_TOKEN, WECOM_ENCODING_AES_KEY',
    );
  });

  it('treats empty and blank variables as missing', () => {
    expect(messageOf({ ...valid, WECOM_TOKEN: '', WECOM_SECRET: '   ' })).toBe(
      'WeCom is enabled (PLATFORMS) but these are missing: WECOM_SECRET, WECOM_TOKEN',
    );
  });

  it('names missing and malformed variables together, without echoing any value', () => {
    const message = messageOf({
      ...valid,
      WECOM_CORP_ID: undefined,
      WECOM_AGENT_ID: 'agent-7',
      WECOM_ENCODING_AES_KEY: 'too-short-secret-key',
      WECOM_API_URL: 'not a url',
    });
    expect(message).toContain('these are missing: WECOM_CORP_ID');
    expect(message).toContain('WECOM_AGENT_ID must be the AgentId');
    expect(message).toContain('WECOM_ENCODING_AES_KEY must be the 43 letters and digits');
    expect(message).toContain('WECOM_API_URL must be a URL');
    for (const value of ['agent-7', 'too-short-secret-key', 'not a url', valid.WECOM_SECRET]) {
      expect(message).not.toContain(value);
    }
  });

  it('drops a trailing slash from WECOM_API_URL so paths do not double it', () => {
    expect(readWecomSettings({ ...valid, WECOM_API_URL: 'http://127.0.0.1:9999/' }).WECOM_API_URL).toBe(
      'http://127.0.0.1:9999',
    );
  });
});
