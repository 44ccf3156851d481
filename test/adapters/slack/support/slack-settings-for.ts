import type { SlackSettings } from '../../../../src/adapters/slack/slack-settings.js';

/** The secret of Slack's published signing example; any 32 characters would do. */
export const TEST_SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

export function slackSettingsFor(apiUrl: string, overrides: Partial<SlackSettings> = {}): SlackSettings {
  return {
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: apiUrl,
    ...overrides,
  };
}
