import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startDevDbServer } from './dev-db-server.js';

/**
 * Chooses the database the app talks to:
 * - MONGODB_URI set → that server ("external");
 * - otherwise an embedded one for trying the product: a real mongod via mongodb-memory-server (needs to
 *   download a binary, which fails offline), else the offline dev server (mongomock, snapshot on disk).
 */
export type DatabaseKind = 'external' | 'mongodb-memory-server' | 'dev-server';

export interface RunningDatabase {
  readonly kind: DatabaseKind;
  readonly uri: string;
  /** One line for the startup log, saying what this database is and where data lives. */
  readonly description: string;
  /** Persists pending data now (dev server snapshot); no-op for the others. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartDatabaseOptions {
  mongodbUri?: string | undefined;
  /** Where embedded databases keep their files (created if missing). */
  dataDir: string;
  embedded: 'auto' | 'mongod' | 'dev-server';
  /** How long 'auto' waits for mongodb-memory-server before falling back. Default 15 s. */
  mongodTimeoutMs?: number;
}

const noop = async (): Promise<void> => {};

export async function startDatabase(options: StartDatabaseOptions): Promise<RunningDatabase> {
  if (options.mongodbUri) {
    return {
      kind: 'external',
      uri: options.mongodbUri,
      description: 'external MongoDB from MONGODB_URI',
      flush: noop,
      stop: noop,
    };
  }
  await mkdir(options.dataDir, { recursive: true });
  if (options.embedded === 'dev-server') return startDevServer(options.dataDir);
  try {
    return await startMemoryServer(options.dataDir, options.mongodTimeoutMs ?? 15_000);
  } catch (error) {
    if (options.embedded === 'mongod') throw error;
    const dev = await startDevServer(options.dataDir);
    return { ...dev, description: `${dev.description} (embedded mongod unavailable: ${firstLine(error)})` };
  }
}

async function startDevServer(dataDir: string): Promise<RunningDatabase> {
  const snapshotFile = path.join(dataDir, 'devdb.bson');
  const server = await startDevDbServer({ snapshotFile });
  return {
    kind: 'dev-server',
    uri: server.uri,
    // What it keeps and what a crash can lose, in one line (issue #10): the journal makes every answer durable
    // against a crash of any process; only the OS's own write-back stands between it and a power loss.
    description:
      `offline dev server (mongomock) — for trying the product, not for production; every confirmed write is ` +
      `journaled before it is answered and compacted into ${displayPath(snapshotFile)}: a crash or kill loses ` +
      `none, a power loss can lose the last seconds' writes`,
    flush: () => server.flush(),
    stop: () => server.stop(),
  };
}

async function startMemoryServer(dataDir: string, timeoutMs: number): Promise<RunningDatabase> {
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const dbPath = path.join(dataDir, 'mongod');
  await mkdir(dbPath, { recursive: true });
  // mongodb-memory-server prints its whole download stack with console.warn when it fails (always, offline); we
  // report the failure ourselves in one line, so its warning is held back while it starts.
  const warn = console.warn;
  console.warn = () => {};
  const starting = MongoMemoryServer.create({ instance: { dbPath, storageEngine: 'wiredTiger' } });
  void starting.catch(noop).finally(() => {
    console.warn = warn;
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`embedded mongod did not start within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  let server: Awaited<typeof starting>;
  try {
    server = await Promise.race([starting, timeout]);
  } catch (error) {
    // If it starts after we gave up, stop it instead of leaving an orphan mongod behind.
    starting.then((late) => late.stop({ doCleanup: false }), noop);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return {
    kind: 'mongodb-memory-server',
    uri: server.getUri(),
    description: `embedded mongod (mongodb-memory-server) — for trying the product; data in ${displayPath(dbPath)}, journaled by mongod: a crash loses no confirmed write`,
    flush: noop,
    stop: async () => {
      await server.stop({ doCleanup: false });
    },
  };
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? `./${relative}` : file;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // mongodb-memory-server's download error ends its first line with a dangling "Details:".
  return (message.split('\n')[0] ?? message).replace(/,?\s*Details:\s*$/, '');
}
