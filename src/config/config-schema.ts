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
    doc: '`production` turns the sandbox off unless `SANDBOX_ENABLED=true`.',
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
  DEMO_ORG: {
    schema: bool.optional(),
    default: '(on with the embedded database)',
    doc: 'Create the demo org on first start when the database has no org.',
  },
  DEMO_API_TOKEN: {
    schema: z.string().min(16, 'at least 16 characters').optional(),
    default: '(random, printed at start)',
    doc: "Fixes the demo org's API token instead of a random one.",
  },
  JOBS_ENABLED: {
    schema: bool.default(true),
    default: 'true',
    doc: 'Run scheduled jobs (outbox delivery, reminders) in this process.',
  },
  OUTBOX_INTERVAL_MS: {
    schema: z.coerce.number().int().min(50).default(1000),
    default: '1000',
    doc: 'How often the outbox job looks for messages to deliver (new messages are also sent at once).',
  },
  SHUTDOWN_TIMEOUT_MS: {
    schema: z.coerce.number().int().min(100).default(10000),
    default: '10000',
    doc: 'How long graceful shutdown waits for in-flight work before exiting anyway.',
  },
} as const;

export type SettingName = keyof typeof SETTINGS;

export const configSchema = z.object(
  Object.fromEntries(Object.entries(SETTINGS).map(([key, setting]) => [key, setting.schema])) as {
    [K in SettingName]: (typeof SETTINGS)[K]['schema'];
  },
);

export type RawConfig = z.output<typeof configSchema>;
