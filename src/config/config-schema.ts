import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Every setting the service reads, with its default and meaning. The README's configuration table and
 * `.env.example` are checked against this list by a test, so the three cannot drift apart.
 */
export const SETTINGS = {
  NODE_ENV: {
    schema: z.enum(['development', 'production', 'test']).default('development'),
    default: 'development',
    doc: '`production` needs `MONGODB_URI`, never creates the demo org, and turns the sandbox off unless `SANDBOX_ENABLED=true`.',
  },
  PORT: {
    schema: z.coerce.number().int().min(0).max(65535).default(3000),
    default: '3000',
    doc: 'HTTP port.',
  },
  HOST: { schema: z.string().min(1).default('0.0.0.0'), default: '0.0.0.0', doc: 'Interface to listen on.' },
  PUBLIC_URL: {
    schema: z.url().optional(),
    default: '(http://localhost:PORT)',
    doc: 'Base URL people and platforms reach the service at; shown in start-up lines and links.',
  },
  DATA_DIR: {
    schema: z.string().min(1).default('./data'),
    default: './data',
    doc: 'Local state: the embedded database and its snapshots.',
  },
  BACKUP_DIR: {
    schema: z.string().min(1).optional(),
    default: '(DATA_DIR/backups)',
    doc: 'Where backups are written (`npm run backup`, the daily job, `POST /api/v1/backups`) and listed from; put it on another disk than the database.',
  },
  MONGODB_URI: {
    schema: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .optional(),
    default: '(embedded)',
    doc: 'MongoDB to use. Unset: the embedded database (see EMBEDDED_DB).',
  },
  EMBEDDED_DB: {
    schema: z.enum(['auto', 'mongod', 'dev-server']).default('auto'),
    default: 'auto',
    doc: 'Without MONGODB_URI: `auto` tries a real mongod (mongodb-memory-server) then falls back to the offline dev server; `mongod` or `dev-server` force one.',
  },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    default: 'info',
    doc: 'Log level of the JSON logs on stdout.',
  },
  BODY_LIMIT: {
    schema: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, 'a size such as 1mb or 512kb')
      .default('1mb'),
    default: '1mb',
    doc: 'Largest JSON body accepted; larger requests get 413.',
  },
  SANDBOX_ENABLED: {
    schema: bool.optional(),
    default: '(on unless production)',
    doc: 'Serve the sandbox workspace at /sandbox and its API (including the clock control).',
  },
  TRUST_PROXY: {
    schema: bool.default(false),
    default: 'false',
    doc: 'Read the client address from the last `X-Forwarded-For` hop (set it only behind a reverse proxy that adds one); otherwise the socket address, which a client cannot forge.',
  },
  SANDBOX_ALLOW_REMOTE: {
    schema: bool.default(false),
    default: 'false',
    doc: 'The sandbox is an unauthenticated demo tool and answers only clients on this machine (loopback); `true` serves it to anyone who can reach the port.',
  },
  DEMO_ORG: {
    schema: bool.optional(),
    default: '(on with the embedded database, never in production)',
    doc: 'Create the demo org on first start when the database has no org. Refused with `NODE_ENV=production`.',
  },
  DEMO_API_TOKEN: {
    schema: z.string().min(16, 'at least 16 characters').optional(),
    default: '(random, kept in DATA_DIR/demo-token)',
    doc: "Fixes the demo org's API token. Unset: a random one, made on first start and kept (mode 0600) in `DATA_DIR/demo-token`, so it stays the same across restarts.",
  },
  JOBS_ENABLED: {
    schema: bool.default(true),
    default: 'true',
    doc: 'Run scheduled jobs (outbox delivery, reminders) in this process.',
  },
  OUTBOX_INTERVAL_MS: millis(
    50,
    1000,
    'How often the outbox job looks for messages to deliver (new messages are also sent at once).',
  ),
  OUTBOX_COALESCE_MS: millis(
    0,
    3000,
    'Quiet window: notices of one kind to one channel or person within it (a burst of pooled leads, one reminder step) are told in one summary card; the first goes at once. 0 sends every notice on its own.',
  ),
  HTTP_REQUEST_TIMEOUT_MS: millis(
    1000,
    120_000,
    'Longest time a client may take to send one whole request (a large import included); then 408.',
  ),
  HTTP_HEADERS_TIMEOUT_MS: millis(
    1000,
    20_000,
    "Longest time a client may take to send a request's headers (slow-header attacks); at most HTTP_REQUEST_TIMEOUT_MS.",
  ),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: millis(
    0,
    65_000,
    "How long an idle keep-alive connection stays open; keep it above your load balancer's idle timeout (60 s on AWS ALB).",
  ),
  SHUTDOWN_TIMEOUT_MS: millis(
    100,
    10000,
    'How long graceful shutdown waits for in-flight work before exiting anyway.',
  ),
  // Metrics and readiness (issue #16): README "Metrics and readiness".
  METRICS_TOKEN: {
    schema: z.string().min(16, 'at least 16 characters').optional(),
    default: '(none: an admin API token)',
    doc: 'Bearer token Prometheus sends for `GET /metrics` on the service port; an admin API token works too. Not used with METRICS_PORT.',
  },
  METRICS_PORT: {
    schema: z.coerce.number().int().min(1).max(65535).optional(),
    default: '(none: /metrics on PORT)',
    doc: 'Serve `/metrics` on this port instead, without a token (expose it only to the monitoring network); the service port then has no `/metrics`. Must differ from PORT.',
  },
  READY_OUTBOX_MAX_AGE_MS: millis(
    1000,
    300_000,
    '`/readyz` answers 503 while the most overdue outbox message has waited longer than this (delivery stalled).',
  ),
  // Import limits, record lifetimes and rate limits (issue #10 items 5, 10, 11).
  IMPORT_MAX_ROWS: numberSetting(
    50_000,
    'Most data rows one import file may hold (`POST /api/v1/leads:import`, `npm run import`); a larger file is refused with 413: split it.',
  ),
  IMPORT_MAX_CELLS: numberSetting(
    2_000_000,
    'Most cells (rows × columns) one import file may hold; a larger file is refused with 413.',
  ),
  IMPORT_MAX_UNZIPPED_MB: numberSetting(
    40,
    'Most megabytes an imported XLSX may unzip to (50,000 rows of 8 columns are about 19 MB); a larger one, or a zip bomb, is refused with 413 before it is unzipped.',
  ),
  OUTBOX_SENT_TTL_DAYS: numberSetting(
    30,
    'Days a delivered outbox entry is kept (for audits and retries) before MongoDB removes it; pending and dead ones are kept.',
    true,
  ),
  SENT_MESSAGE_TTL_DAYS: numberSetting(
    180,
    'Days the record of where a card was shown is kept; after that the card is no longer updated in place.',
    true,
  ),
  SANDBOX_MESSAGE_TTL_DAYS: numberSetting(
    14,
    'Days a sandbox message is kept, counted from its last change.',
    true,
  ),
  RATE_LIMIT_TOKEN_PER_MINUTE: numberSetting(
    600,
    'Requests per minute one API token may make (bursts up to this many); more get 429 with Retry-After.',
  ),
  RATE_LIMIT_IP_PER_MINUTE: numberSetting(
    1200,
    'Requests per minute one client address may make to /api and /sandbox; more get 429 with Retry-After. Counted in this process only.',
  ),
  PLATFORMS: {
    schema: z
      .string()
      .transform((v) => [
        ...new Set(
          v
            .split(',')
            .map((p) => p.trim().toLowerCase())
            .filter(Boolean),
        ),
      ])
      .pipe(z.array(z.enum(['sandbox', 'slack', 'dingtalk', 'wecom'])).min(1, 'name at least one platform'))
      .optional(),
    default: '(sandbox)',
    doc: 'Chat platforms to run, comma-separated: `sandbox`, `slack`, `dingtalk`, `wecom`. Each enabled platform checks its own settings below at start and names every one missing.',
  },
  ...platformSetting('SLACK_SIGNING_SECRET', "Slack: the app's signing secret (verifies every request)."),
  ...platformSetting('SLACK_BOT_TOKEN', 'Slack: the bot token, `xoxb-…`.'),
  ...platformSetting(
    'SLACK_APP_TOKEN',
    'Slack: an app token `xapp-…` turns on Socket Mode (no public URL needed).',
  ),
  ...platformSetting(
    'SLACK_API_URL',
    'Slack: Web API base URL; tests point it at a local fake.',
    'https://slack.com/api/',
  ),
  ...platformSetting('DINGTALK_CLIENT_ID', "DingTalk: the app's Client ID (AppKey)."),
  ...platformSetting(
    'DINGTALK_CLIENT_SECRET',
    "DingTalk: the app's Client Secret (AppSecret); also signs HTTP callbacks.",
  ),
  ...platformSetting('DINGTALK_ROBOT_CODE', 'DingTalk: the robot code that sends DMs and cards.'),
  ...platformSetting(
    'DINGTALK_CARD_TEMPLATE_ID',
    'DingTalk: the interactive card template (manifests/dingtalk/).',
  ),
  ...platformSetting(
    'DINGTALK_MODE',
    'DingTalk: `stream` (no public URL) or `http` (callback at /dingtalk/callback).',
    'stream',
  ),
  ...platformSetting(
    'DINGTALK_API_URL',
    'DingTalk: OpenAPI base URL; tests point it at a local fake.',
    'https://api.dingtalk.com',
  ),
  ...platformSetting(
    'DINGTALK_OAPI_URL',
    'DingTalk: old-style API base URL (media upload of report charts); tests point it at a local fake.',
    'https://oapi.dingtalk.com',
  ),
  ...platformSetting(
    'DINGTALK_EVENT_TOKEN',
    'DingTalk: event-subscription token (HTTP mode, with DINGTALK_EVENT_AES_KEY).',
  ),
  ...platformSetting('DINGTALK_EVENT_AES_KEY', 'DingTalk: event-subscription AES key (43 characters).'),
  ...platformSetting('WECOM_CORP_ID', 'WeCom: the corp id (企业ID).'),
  ...platformSetting('WECOM_AGENT_ID', "WeCom: the self-built app's AgentId."),
  ...platformSetting('WECOM_SECRET', "WeCom: the app's Secret."),
  ...platformSetting('WECOM_TOKEN', 'WeCom: the callback Token (signs callbacks).'),
  ...platformSetting('WECOM_ENCODING_AES_KEY', 'WeCom: the callback EncodingAESKey (43 characters).'),
  ...platformSetting(
    'WECOM_API_URL',
    'WeCom: API base URL; tests point it at a local fake.',
    'https://qyapi.weixin.qq.com',
  ),
} as const;

/** A duration in milliseconds, at least `min`. */
function millis(min: number, fallback: number, doc: string) {
  return { schema: z.coerce.number().int().min(min).default(fallback), default: String(fallback), doc };
}

/** A positive number setting (whole unless `fraction`), its default written once for the schema and the docs. */
function numberSetting(fallback: number, doc: string, fraction = false) {
  const number = z.coerce.number();
  return {
    schema: (fraction ? number.positive() : number.int().min(1)).default(fallback),
    default: String(fallback),
    doc,
  };
}

/**
 * A platform's setting: optional here, because only an enabled platform needs it; the platform's adapter checks its
 * own settings when enabled and names every one missing or malformed.
 */
function platformSetting<N extends string>(name: N, doc: string, fallback?: string) {
  return {
    [name]: { schema: z.string().trim().min(1).optional(), default: fallback ?? '(none)', doc },
  } as { [K in N]: { schema: z.ZodOptional<z.ZodString>; default: string; doc: string } };
}

export type SettingName = keyof typeof SETTINGS;

export const configSchema = z.object(
  Object.fromEntries(Object.entries(SETTINGS).map(([key, setting]) => [key, setting.schema])) as {
    [K in SettingName]: (typeof SETTINGS)[K]['schema'];
  },
);

export type RawConfig = z.output<typeof configSchema>;
