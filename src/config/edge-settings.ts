import { configSchema, type RawConfig } from './config-schema.js';

/** The settings of what the edge accepts and keeps: import limits, record lifetimes, rate limits. */
export const EDGE_SETTINGS = [
  'IMPORT_MAX_ROWS',
  'IMPORT_MAX_CELLS',
  'IMPORT_MAX_UNZIPPED_MB',
  'OUTBOX_SENT_TTL_DAYS',
  'SENT_MESSAGE_TTL_DAYS',
  'SANDBOX_MESSAGE_TTL_DAYS',
  'RATE_LIMIT_TOKEN_PER_MINUTE',
  'RATE_LIMIT_IP_PER_MINUTE',
] as const;

export type EdgeSettings = Pick<RawConfig, (typeof EDGE_SETTINGS)[number]>;

const edgeSchema = configSchema.pick(
  Object.fromEntries(EDGE_SETTINGS.map((k) => [k, true])) as Record<keyof EdgeSettings, true>,
);

/**
 * These settings from an env (the import CLI reads only these) or from a partial config (tests compose the app
 * without them): what is not given takes the config table's default, so there is one list of defaults.
 */
export function edgeSettings(given: Readonly<Record<string, unknown>> = {}): EdgeSettings {
  const present = Object.fromEntries(
    EDGE_SETTINGS.filter((key) => given[key] !== undefined && given[key] !== '').map((key) => [
      key,
      given[key],
    ]),
  );
  const parsed = edgeSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join('.') ?? 'setting'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
