import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { SETTINGS } from '../../src/config/config-schema.js';

/** The repository root and deploy/, so the tests read the files an operator uses. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEPLOY = path.join(ROOT, 'deploy');

export function readDeploy(relative: string): string {
  return readFileSync(path.join(DEPLOY, relative), 'utf8');
}

/** Every document of a YAML file; merge keys (`<<: *anchor`) on, as Compose reads them. */
export function yamlDocuments(text: string): unknown[] {
  return YAML.parseAllDocuments(text, { merge: true }).map((document) => {
    if (document.errors.length > 0) throw new Error(document.errors.map((e) => e.message).join('\n'));
    return document.toJS({ maxAliasCount: 100 }) as unknown;
  });
}

/** `KEY=value` lines of an env file (comments and blanks skipped), as Compose's env_file reads them. */
export function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match?.[1] !== undefined) env[match[1]] = match[2] ?? '';
  }
  return env;
}

/** The names of an env map that the service does not read (a typo would be silently ignored at run time). */
export function unknownSettings(names: Iterable<string>): string[] {
  return [...names].filter((name) => !Object.hasOwn(SETTINGS, name));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy to break on purpose, so each check is seen to fail. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}
