import { z } from 'zod';

// Each message names what is expected, never the value: these variables hold secrets.
const required = (what: string) =>
  z
    .string({ error: `must be set (${what})` })
    .trim()
    .min(1, `must be set (${what})`);

/**
 * The settings the WeCom adapter needs. Where they come from in the admin console: manifests/wecom/README.md.
 */
export const wecomSettingsSchema = z.object({
  WECOM_CORP_ID: required('the corp id, 企业ID'),
  // The API takes agentid as an integer, so a typo shows here and not as errcode 40056 at the first send.
  WECOM_AGENT_ID: z
    .string({ error: "must be set (the app's AgentId)" })
    .trim()
    .regex(/^\d+$/, 'must be the AgentId, a whole number such as 1000002')
    .transform(Number),
  WECOM_SECRET: required("the app's Secret"),
  WECOM_TOKEN: required('the callback Token'),
  // The console generates 43 letters and digits; base64 of "key=" then gives the 32-byte AES key.
  WECOM_ENCODING_AES_KEY: z
    .string({ error: 'must be set (the callback EncodingAESKey)' })
    .trim()
    .regex(/^[A-Za-z0-9]{43}$/, 'must be the 43 letters and digits of the callback EncodingAESKey'),
  WECOM_API_URL: z
    .url({ error: 'must be a URL such as https://qyapi.weixin.qq.com' })
    .default('https://qyapi.weixin.qq.com')
    // Paths are appended as `/cgi-bin/...`, so a trailing slash would double up.
    .transform((url) => url.replace(/\/+$/, '')),
});

export type WecomSettings = z.output<typeof wecomSettingsSchema>;

type Env = Readonly<Record<string, string | undefined>>;

const NAMES = Object.keys(wecomSettingsSchema.shape) as (keyof typeof wecomSettingsSchema.shape)[];

/**
 * Reads and checks the WeCom settings when WeCom is enabled. Throws one Error naming every missing variable and
 * every malformed one, so a deploy is fixed in one go; values are never echoed.
 */
export function readWecomSettings(env: Env): WecomSettings {
  // An empty variable means "not set", as in loadConfig and most .env tooling.
  const present = Object.fromEntries(
    NAMES.flatMap((name) => {
      const value = env[name];
      return value === undefined || value.trim() === '' ? [] : [[name, value]];
    }),
  );
  const parsed = wecomSettingsSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const missing: string[] = [];
  const bad: string[] = [];
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? '?');
    if (!(name in present)) missing.push(name);
    else bad.push(`${name} ${issue.message}`);
  }
  const parts = [
    ...(missing.length > 0 ? [`these are missing: ${[...new Set(missing)].join(', ')}`] : []),
    ...(bad.length > 0 ? [`these are invalid: ${bad.join('; ')}`] : []),
  ];
  throw new Error(`WeCom is enabled (PLATFORMS) but ${parts.join('; and ')}`);
}
