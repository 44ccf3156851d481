import { describe, expect, it } from 'vitest';
import { readDingtalkSettings } from '../../../src/adapters/dingtalk/dingtalk-settings.js';

const complete = {
  DINGTALK_CLIENT_ID: 'dingq8zt3kxyfwa4mrqe',
  DINGTALK_CLIENT_SECRET: 'very-secret-value-123',
  DINGTALK_ROBOT_CODE: 'dingq8zt3kxyfwa4mrqe',
  DINGTALK_CARD_TEMPLATE_ID: 'b4f2e1c0.schema',
};

function messageOf(env: Record<string, string | undefined>): string {
  try {
    readDingtalkSettings(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected readDingtalkSettings to throw');
}

describe('readDingtalkSettings', () => {
  it('names every missing variable at once', () => {
    const message = messageOf({ DINGTALK_CLIENT_ID: '' });
    for (const name of [
      'DINGTALK_CLIENT_ID',
      'DINGTALK_CLIENT_SECRET',
      'DINGTALK_ROBOT_CODE',
      'DINGTALK_CARD_TEMPLATE_ID',
    ]) {
      expect(message).toContain(`${name}: required`);
    }
  });

  it('names bad values without echoing them, secrets included', () => {
    const message = messageOf({
      ...complete,
      DINGTALK_CLIENT_ID: undefined,
      DINGTALK_MODE: 'socket-mode',
      DINGTALK_API_URL: 'api.dingtalk.com',
      DINGTALK_EVENT_AES_KEY: 'short-key-value',
    });
    expect(message).toContain('DINGTALK_CLIENT_ID: required');
    expect(message).toContain('DINGTALK_MODE: must be stream or http');
    expect(message).toContain('DINGTALK_API_URL: must be an http(s) URL');
    expect(message).toContain('DINGTALK_EVENT_AES_KEY');
    for (const value of ['very-secret-value-123', 'socket-mode', 'api.dingtalk.com', 'short-key-value']) {
      expect(message).not.toContain(value);
    }
  });

  it('defaults to Stream mode and the public API, and trims a trailing slash', () => {
    expect(readDingtalkSettings(complete)).toEqual({
      clientId: 'dingq8zt3kxyfwa4mrqe',
      clientSecret: 'very-secret-value-123',
      robotCode: 'dingq8zt3kxyfwa4mrqe',
      cardTemplateId: 'b4f2e1c0.schema',
      mode: 'stream',
      apiUrl: 'https://api.dingtalk.com',
      oapiUrl: 'https://oapi.dingtalk.com',
    });
    const http = readDingtalkSettings({
      ...complete,
      DINGTALK_MODE: 'http',
      DINGTALK_API_URL: 'http://127.0.0.1:4010/',
    });
    expect(http.mode).toBe('http');
    expect(http.apiUrl).toBe('http://127.0.0.1:4010');
  });

  it('wants the event token and AES key together', () => {
    expect(messageOf({ ...complete, DINGTALK_EVENT_TOKEN: 'mryue' })).toContain(
      'DINGTALK_EVENT_AES_KEY: required with DINGTALK_EVENT_TOKEN',
    );
    const both = readDingtalkSettings({
      ...complete,
      DINGTALK_EVENT_TOKEN: 'mryue',
      DINGTALK_EVENT_AES_KEY: 'Yue0EfdN5900c1ce5cf6A152c63DDe1808a60c5ecd7',
    });
    expect(both.eventCrypto).toEqual({
      token: 'mryue',
      aesKey: 'Yue0EfdN5900c1ce5cf6A152c63DDe1808a60c5ecd7',
    });
  });
});
