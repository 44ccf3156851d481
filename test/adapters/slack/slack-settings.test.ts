import { describe, expect, it } from 'vitest';
import { readSlackSettings } from '../../../src/adapters/slack/slack-settings.js';

const SECRET = '0123456789abcdef0123456789abcdef';
const BOT = 'xoxb-1111-2222-secretbotpart';

describe('readSlackSettings', () => {
  it('reads the variables and defaults the API URL', () => {
    expect(readSlackSettings({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: BOT })).toEqual({
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: BOT,
      SLACK_API_URL: 'https://slack.com/api/',
    });
  });

  it('takes an app token for Socket Mode and a base URL without its trailing slash', () => {
    const settings = readSlackSettings({
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: BOT,
      SLACK_APP_TOKEN: 'xapp-1-A1-2-abc',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
    });
    expect(settings.SLACK_APP_TOKEN).toBe('xapp-1-A1-2-abc');
    expect(settings.SLACK_API_URL).toBe('http://127.0.0.1:9999/api/');
  });

  it('names every missing variable at once, treating empty as missing', () => {
    const read = () => readSlackSettings({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '' });
    expect(read).toThrow(/SLACK_SIGNING_SECRET is not set/);
    expect(read).toThrow(/SLACK_BOT_TOKEN is not set/);
    expect(read).not.toThrow(/SLACK_APP_TOKEN/);
  });

  it('names every bad variable and never echoes a value', () => {
    const env = {
      SLACK_SIGNING_SECRET: 'short-secret',
      SLACK_BOT_TOKEN: 'xoxp-user-token-secretpart',
      SLACK_APP_TOKEN: 'xoxb-not-an-app-token',
      SLACK_API_URL: 'ftp://slack.example/api/',
    };
    let message = '';
    try {
      readSlackSettings(env);
    } catch (error) {
      message = (error as Error).message;
    }
    for (const key of Object.keys(env)) expect(message).toContain(key);
    expect(message).toContain('xoxb-');
    for (const value of Object.values(env)) expect(message).not.toContain(value);
    expect(message).not.toContain('secretpart');
  });
});
