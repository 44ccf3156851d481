import type { ServiceMetrics } from './service-metrics.js';

type CommandEvents = {
  on(event: 'commandStarted', listener: (event: { commandName: string }) => void): unknown;
  off(event: 'commandStarted', listener: (event: { commandName: string }) => void): unknown;
};

/**
 * Counts every command the driver sends, by name (the connection must be opened with monitorCommands, as the bench
 * does): the figure that sizes the database, per instance. Returns the way to stop counting.
 */
export function countDbCommands(
  client: CommandEvents,
  metrics: Pick<ServiceMetrics, 'dbCommands'>,
): () => void {
  const listener = (event: { commandName: string }) => metrics.dbCommands.inc({ command: event.commandName });
  client.on('commandStarted', listener);
  return () => client.off('commandStarted', listener);
}
