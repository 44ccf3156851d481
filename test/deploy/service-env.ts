import { readDingtalkSettings } from '../../src/adapters/dingtalk/dingtalk-settings.js';
import { readSlackSettings } from '../../src/adapters/slack/slack-settings.js';
import { readWecomSettings } from '../../src/adapters/wecom/wecom-settings.js';
import { loadConfig } from '../../src/config/load-config.js';
import { startupRefusals } from '../../src/config/startup-refusals.js';
import { unknownSettings } from './deploy-files.js';

/**
 * What the service itself would say about an environment a deployment file gives it: names it does not read, bad
 * values, refused combinations, a production setting left out, and each enabled platform's missing credentials.
 * The service's own parsers decide, so a file that passes here starts.
 */
export function serviceEnvProblems(env: Readonly<Record<string, string>>): string[] {
  const problems = unknownSettings(Object.keys(env)).map(
    (name) => `${name}: not a setting the service reads`,
  );
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    return [...problems, error instanceof Error ? error.message : String(error)];
  }
  problems.push(...startupRefusals(config));
  if (config.NODE_ENV !== 'production') problems.push('NODE_ENV: must be production');
  if (env.PUBLIC_URL === undefined) problems.push('PUBLIC_URL: must be set (links in cards, callback URLs)');
  const readers = {
    slack: readSlackSettings,
    dingtalk: readDingtalkSettings,
    wecom: readWecomSettings,
  } as const;
  for (const platform of config.PLATFORMS) {
    if (platform === 'sandbox') continue;
    try {
      readers[platform](env);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return problems;
}
