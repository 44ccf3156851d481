import mongoose, { type Connection } from 'mongoose';

export type DatabaseOptions = {
  readonly uri: string;
  readonly dbName?: string;
  /** Turns on the driver's command monitoring, which the benchmark and tests use to count round trips. */
  readonly monitorCommands?: boolean;
};

/** Opens a dedicated connection (not mongoose's global one), so tests and tools can hold several. */
export async function connectDatabase(options: DatabaseOptions): Promise<Connection> {
  const connection = mongoose.createConnection(options.uri, {
    ...(options.dbName ? { dbName: options.dbName } : {}),
    autoIndex: false,
    autoCreate: false,
    monitorCommands: options.monitorCommands ?? false,
    serverSelectionTimeoutMS: 10_000,
    // Fail a query at once when the database is gone, instead of holding the request for mongoose's 10 s buffer.
    bufferCommands: false,
  });
  await connection.asPromise();
  return connection;
}
