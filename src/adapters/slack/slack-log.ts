import { type Logger, LogLevel } from '@slack/bolt';

type LogFn = (obj: object, msg: string) => void;

/** The slice of our pino logger the Slack adapter uses. */
export type SlackLog = { readonly info: LogFn; readonly warn: LogFn; readonly error: LogFn };

/**
 * Bolt's Logger interface over ours, so Bolt's messages land in the JSON logs with everything else. Bolt's debug
 * output includes whole request bodies (user text, tokens of response URLs), so it is dropped.
 */
export function boltLogger(log: SlackLog): Logger {
  let level = LogLevel.INFO;
  const context = (msg: unknown[]) => {
    const err = msg.find((m) => m instanceof Error);
    return { component: 'slack-bolt', ...(err ? { err } : {}) };
  };
  return {
    debug: () => {},
    info: (...msg: unknown[]) => log.info(context(msg), text(msg)),
    warn: (...msg: unknown[]) => log.warn(context(msg), text(msg)),
    error: (...msg: unknown[]) => log.error(context(msg), text(msg)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

function text(msg: readonly unknown[]): string {
  return msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : safeJson(m))).join(' ');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
