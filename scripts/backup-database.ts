// The database `npm run backup` and `npm run restore` work on: `--into URI`, else the one the service would use
// (MONGODB_URI, else the embedded one under DATA_DIR, started here the way `npm start` starts it).
import type { Db } from 'mongodb';
import type { Connection } from 'mongoose';
import { type Config, loadConfig } from '../src/config/load-config.js';
import { connectDatabase } from '../src/storage/connect-database.js';
import { type RunningDatabase, startDatabase } from '../src/storage/embedded-database.js';
import { bindModels, type Models } from '../src/storage/models.js';

export type CliDatabase = {
  readonly db: Db;
  readonly models: Models;
  readonly config: Config;
  readonly description: string;
  close(): Promise<void>;
};

export class CliProblem extends Error {}

export async function openCliDatabase(into?: string): Promise<CliDatabase> {
  const config = loadConfig();
  let database: RunningDatabase | undefined;
  let connection: Connection;
  if (into) connection = await connectDatabase({ uri: into });
  else {
    if (!config.MONGODB_URI) await refuseWhileServiceRuns(config);
    database = await startDatabase({
      mongodbUri: config.MONGODB_URI,
      dataDir: config.dataDir,
      embedded: config.EMBEDDED_DB,
    });
    connection = await connectDatabase({
      uri: database.uri,
      ...(database.kind === 'external' ? {} : { dbName: 'leadrelay' }),
    });
  }
  if (!connection.db) throw new Error('database connection has no db handle');
  const description = into ? `${connection.db.databaseName} at --into` : (database?.description ?? '');
  return {
    db: connection.db,
    models: bindModels(connection),
    config,
    description,
    async close() {
      await connection.close();
      await database?.stop();
    },
  };
}

/**
 * The embedded database belongs to the running service's process (its journal and snapshot under DATA_DIR); a
 * second server on the same files would lose writes. So with the service up, this tool refuses and says what to do.
 */
async function refuseWhileServiceRuns(config: Config): Promise<void> {
  const url = `http://127.0.0.1:${config.PORT}/healthz`;
  const answered = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
    () => true,
    () => false,
  );
  if (answered) {
    throw new CliProblem(
      `the service is running on port ${config.PORT} and owns the embedded database under ${config.dataDir}: ` +
        'stop it first, or make a backup with POST /api/v1/backups',
    );
  }
}
