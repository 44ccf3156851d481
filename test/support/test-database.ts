import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { inject } from 'vitest';
import { connectDatabase } from '../../src/storage/connect-database.js';

/** A fresh database on the run's server, dropped by `close`: test files never see each other's data. */
export async function openTestDatabase(options: { monitorCommands?: boolean } = {}): Promise<{
  connection: Connection;
  close: () => Promise<void>;
}> {
  const connection = await connectDatabase({
    uri: inject('mongoUri'),
    dbName: `test_${randomUUID().slice(0, 12).replaceAll('-', '')}`,
    monitorCommands: options.monitorCommands ?? false,
  });
  return {
    connection,
    close: async () => {
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
    },
  };
}
