import { LogLevel, webApi } from '@slack/bolt';
import type { SlackSettings } from './slack-settings.js';

// @slack/web-api comes through Bolt's re-export, so the app depends on one Slack package and one version of it.
export type SlackWebClient = webApi.WebClient;

/**
 * Options shared by the adapter's client and Bolt's: the configurable base URL (tests point it at a local fake),
 * no retries and rate limits rejected rather than waited out, because the outbox owns retries and pacing and a
 * client that sleeps inside a send would hold the outbox's run.
 */
export function slackClientOptions(settings: SlackSettings): webApi.WebClientOptions {
  return {
    slackApiUrl: settings.SLACK_API_URL,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    // Slack's own console logger warns on every failed call; our callers log the mapped error once.
    logLevel: LogLevel.ERROR,
    timeout: 10_000,
  };
}

export function createSlackWebClient(settings: SlackSettings): SlackWebClient {
  return new webApi.WebClient(settings.SLACK_BOT_TOKEN, slackClientOptions(settings));
}
