import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** The sandbox page: one static HTML file with its script inline; it talks only to /sandbox/api. */
export function sandboxPage(): string {
  cached ??= readFileSync(new URL('./sandbox-page.html', import.meta.url), 'utf8');
  return cached;
}
