import { readFileSync } from 'node:fs';

/** The service's name and version from package.json: a backup's manifest says which version wrote it. */
export function serviceVersion(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    name?: string;
    version?: string;
  };
  return { name: pkg.name ?? 'leadrelay', version: pkg.version ?? '0.0.0' };
}
