import type { CommandName } from './catalogue.js';

/** An error's `details.command` looked up in a per-command table; `fallback` for a name the table does not know. */
export function perCommand(
  table: Readonly<Record<CommandName, string>>,
  details: Readonly<Record<string, unknown>>,
  fallback = '',
): string {
  const name = details.command;
  return typeof name === 'string' && Object.hasOwn(table, name) ? table[name as CommandName] : fallback;
}
