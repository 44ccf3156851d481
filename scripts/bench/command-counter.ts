import type { Connection } from 'mongoose';

export type CommandTally = Record<string, number>;

/**
 * Counts every command the driver sends (its `commandStarted` events; the connection must be opened with
 * monitorCommands). Nothing is excluded: a round trip is a round trip, whatever its name.
 */
export type CommandCounter = {
  /** Commands sent so far; take one before an operation and pass it to `since` after. */
  mark(): number;
  since(mark: number): CommandTally;
  stop(): void;
};

export function countCommands(connection: Connection): CommandCounter {
  const names: string[] = [];
  const client = connection.getClient();
  const onStarted = (event: { commandName: string }) => {
    names.push(event.commandName);
  };
  client.on('commandStarted', onStarted);
  return {
    mark: () => names.length,
    since: (mark) => tally(names.slice(mark)),
    stop: () => {
      client.off('commandStarted', onStarted);
    },
  };
}

export function tally(names: readonly string[]): CommandTally {
  const out: CommandTally = {};
  for (const name of names) out[name] = (out[name] ?? 0) + 1;
  return out;
}

export const totalOf = (t: CommandTally): number => Object.values(t).reduce((a, b) => a + b, 0);

/** Adds `b` into `a`. */
export function addTally(a: CommandTally, b: CommandTally): void {
  for (const [name, n] of Object.entries(b)) a[name] = (a[name] ?? 0) + n;
}
