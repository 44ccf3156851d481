import { z } from 'zod';

/** How DingTalk reaches us: a WebSocket we open (`stream`, no public URL) or HTTP callbacks to PUBLIC_URL. */
export type DingtalkMode = 'stream' | 'http';

export type DingtalkSettings = {
  /** The app's Client ID (AppKey): token requests, the Stream connection, the robot code of internal apps. */
  readonly clientId: string;
  /** The app's Client Secret (AppSecret): tokens and every inbound signature check. Never logged. */
  readonly clientSecret: string;
  readonly robotCode: string;
  readonly cardTemplateId: string;
  readonly mode: DingtalkMode;
  /** OpenAPI base URL without a trailing slash; tests point it at a local fake. */
  readonly apiUrl: string;
  /** The old-style API host (media upload for card images); tests point it at the same fake. */
  readonly oapiUrl?: string;
  /** Only for event subscriptions over HTTP (the encrypted `check_url` handshake); unused otherwise. */
  readonly eventCrypto?: { readonly token: string; readonly aesKey: string };
};

const required = (what: string) =>
  z
    .string({ error: `required: ${what}` })
    .trim()
    .min(1, { error: `required: ${what}` });

// Messages are written out so no zod default can quote the received value: these variables hold secrets.
export const dingtalkSettingsSchema = z
  .object({
    DINGTALK_CLIENT_ID: required('the Client ID (AppKey) from the developer console'),
    DINGTALK_CLIENT_SECRET: required('the Client Secret (AppSecret) from the developer console'),
    DINGTALK_ROBOT_CODE: required('the robot code (for an internal app robot: the Client ID)'),
    DINGTALK_CARD_TEMPLATE_ID: required('the interactive card template id, e.g. xxxx.schema'),
    DINGTALK_MODE: z.enum(['stream', 'http'], { error: 'must be stream or http' }).default('stream'),
    DINGTALK_API_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .default('https://api.dingtalk.com'),
    DINGTALK_OAPI_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .default('https://oapi.dingtalk.com'),
    DINGTALK_EVENT_TOKEN: z.string().trim().min(1).optional(),
    DINGTALK_EVENT_AES_KEY: z
      .string()
      .regex(/^[A-Za-z0-9]{43}$/, { error: 'must be the 43-character EncodingAESKey' })
      .optional(),
  })
  .superRefine((env, ctx) => {
    // One without the other cannot decrypt or sign anything: name the missing half.
    if (env.DINGTALK_EVENT_TOKEN && !env.DINGTALK_EVENT_AES_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['DINGTALK_EVENT_AES_KEY'],
        message: 'required with DINGTALK_EVENT_TOKEN',
      });
    }
    if (env.DINGTALK_EVENT_AES_KEY && !env.DINGTALK_EVENT_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['DINGTALK_EVENT_TOKEN'],
        message: 'required with DINGTALK_EVENT_AES_KEY',
      });
    }
  });

/**
 * Reads the DingTalk variables from the environment. Throws one Error naming every missing or bad variable
 * (never its value), so a deploy is fixed in one go.
 */
export function readDingtalkSettings(env: Readonly<Record<string, string | undefined>>): DingtalkSettings {
  // An empty variable means "not set", as in most .env tooling (and as src/config does).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = dingtalkSettingsSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${String(issue.path[0] ?? '?')}: ${issue.message}`);
    throw new Error(`DingTalk settings are invalid:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    clientId: e.DINGTALK_CLIENT_ID,
    clientSecret: e.DINGTALK_CLIENT_SECRET,
    robotCode: e.DINGTALK_ROBOT_CODE,
    cardTemplateId: e.DINGTALK_CARD_TEMPLATE_ID,
    mode: e.DINGTALK_MODE,
    apiUrl: e.DINGTALK_API_URL.replace(/\/+$/, ''),
    oapiUrl: e.DINGTALK_OAPI_URL.replace(/\/+$/, ''),
    ...(e.DINGTALK_EVENT_TOKEN && e.DINGTALK_EVENT_AES_KEY
      ? { eventCrypto: { token: e.DINGTALK_EVENT_TOKEN, aesKey: e.DINGTALK_EVENT_AES_KEY } }
      : {}),
  };
}
