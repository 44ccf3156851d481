import { z } from 'zod';

/** What each variable is and where to find it: the error says this, never the value it got. */
const HINTS = {
  SLACK_SIGNING_SECRET: 'the Signing Secret from the app\'s "Basic Information" page',
  SLACK_BOT_TOKEN: 'the Bot User OAuth Token (xoxb-…) from "OAuth & Permissions"',
  SLACK_APP_TOKEN: 'an app-level token (xapp-…) with connections:write, only for Socket Mode',
  SLACK_API_URL: 'the Web API base URL, normally https://slack.com/api/',
} as const;

export const slackSettingsSchema = z.object({
  // Secrets are 32 characters today; a much shorter value is a copy-paste mistake, not a secret.
  SLACK_SIGNING_SECRET: z.string().trim().min(16, 'looks truncated (expected about 32 characters)'),
  SLACK_BOT_TOKEN: z.string().trim().startsWith('xoxb-', 'must be a bot token starting with xoxb-'),
  SLACK_APP_TOKEN: z
    .string()
    .trim()
    .startsWith('xapp-', 'must be an app-level token starting with xapp-')
    .optional(),
  SLACK_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    // WebClient appends the method name: keep exactly one trailing slash.
    .transform((url) => (url.endsWith('/') ? url : `${url}/`))
    .default('https://slack.com/api/'),
});

export type SlackSettings = z.infer<typeof slackSettingsSchema>;

type SlackVariable = keyof typeof HINTS;

/**
 * Reads the Slack variables from the environment. Throws one Error naming every missing or bad variable with what to
 * set it to; values are never echoed, since most of them are secrets.
 */
export function readSlackSettings(env: Readonly<Record<string, string | undefined>>): SlackSettings {
  // An empty variable means "not set", as in most .env tooling (and as src/config does).
  const present = Object.fromEntries(
    (Object.keys(HINTS) as SlackVariable[])
      .map((key) => [key, env[key]?.trim()] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = slackSettingsSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0]) as SlackVariable;
    const problem = present[key] === undefined ? 'is not set' : issue.message;
    return `  ${key} ${problem}: set it to ${HINTS[key] ?? 'a valid value'}`;
  });
  throw new Error(`Slack settings are invalid:\n${lines.join('\n')}`);
}
