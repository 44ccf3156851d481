import type { Clock } from '../../core/shared/clock.js';
import { slackAdapter } from './slack-adapter.js';
import type { SlackListenerDeps } from './slack-listeners.js';
import { SLACK_EVENTS_PATH } from './slack-receiver.js';
import { slackRoutes } from './slack-routes.js';
import type { SlackSettings } from './slack-settings.js';

export type SlackWiringDeps = Omit<SlackListenerDeps, 'adapter'> & {
  /** A clock the sandbox cannot move: request signatures are checked on it. */
  readonly signatureClock: Clock;
};

/**
 * Slack, wired: its adapter, the Bolt app's route (none in Socket Mode, whose WebSocket opens on start) and the
 * path that must stay unparsed for the signature check.
 */
export function wireSlack(settings: SlackSettings, deps: SlackWiringDeps) {
  const adapter = slackAdapter(settings);
  const routes = slackRoutes(settings, { ...deps, adapter });
  return {
    adapter,
    routers: [routes.router],
    rawBodyPaths: settings.SLACK_APP_TOKEN ? [] : [SLACK_EVENTS_PATH],
    start: async () => {
      await routes.start();
      return () => routes.stop();
    },
  };
}
