import path from 'node:path';
import type { Platform } from '../core/org/types.js';
import { configSchema, type RawConfig } from './config-schema.js';

export type Config = Readonly<
  Omit<RawConfig, 'SANDBOX_ENABLED' | 'DEMO_ORG' | 'PUBLIC_URL' | 'PLATFORMS' | 'BACKUP_DIR'> & {
    /** The chat platforms to run; `sandbox` when PLATFORMS is unset. */
    PLATFORMS: readonly Platform[];
    SANDBOX_ENABLED: boolean;
    DEMO_ORG: boolean;
    PUBLIC_URL: string;
    /** DATA_DIR made absolute, so a later chdir cannot move the data. */
    dataDir: string;
    /** BACKUP_DIR made absolute (DATA_DIR/backups by default). */
    backupDir: string;
  }
>;

export class ConfigError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(`Invalid configuration:\n${lines.join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; a bad value throws a ConfigError with one line per bad key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most .env tooling.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `  ${String(issue.path[0] ?? '?')}: ${issue.message}`),
    );
  }
  const raw = parsed.data;
  const embedded = raw.MONGODB_URI === undefined;
  const platforms: readonly Platform[] = raw.PLATFORMS ?? ['sandbox'];
  return Object.freeze({
    ...raw,
    PLATFORMS: platforms,
    // The sandbox runs when PLATFORMS names it, except in production unless SANDBOX_ENABLED says so.
    SANDBOX_ENABLED: raw.SANDBOX_ENABLED ?? (platforms.includes('sandbox') && raw.NODE_ENV !== 'production'),
    // Never by default in production (fake members, a printed admin token); asking for it there is refused at start.
    DEMO_ORG: raw.DEMO_ORG ?? (embedded && raw.NODE_ENV !== 'production'),
    PUBLIC_URL: raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`,
    dataDir: path.resolve(raw.DATA_DIR),
    backupDir: path.resolve(raw.BACKUP_DIR ?? path.join(raw.DATA_DIR, 'backups')),
  });
}
