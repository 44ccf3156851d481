import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';

/**
 * Launcher for the project's offline MongoDB-compatible dev server (scripts/devdb/server.py:
 * Debian's python3-mockupdb wire protocol + python3-mongomock engine). Used by tests and the
 * embedded "try it" mode on machines where a real mongod cannot be installed. Not for production.
 */
export interface DevDbServer {
  readonly uri: string;
  readonly port: number;
  /** The server's process id (tests check it is gone after its parent died). */
  readonly pid: number | undefined;
  /** Makes the server compact its journal into the snapshot now; resolves once it is on disk (no-op without one). */
  flush(): Promise<void>;
  /** Flushes (if snapshotting), then stops the server and waits for the process to exit. */
  stop(): Promise<void>;
}

export interface DevDbServerOptions {
  /**
   * BSON snapshot file: loaded on start with its journals (`<file>.journal.<n>`, every write appended before it is
   * answered) replayed over it; compacted every interval when data changed. Omit for pure in-memory.
   */
  snapshotFile?: string;
  snapshotIntervalMs?: number;
  /** Python interpreter that sees Debian's dist-packages. Default /usr/bin/python3. */
  python?: string;
  startTimeoutMs?: number;
  /** The port to listen on; a free one when absent (a test restarts a server on its old port to bring it back). */
  port?: number;
}

const SCRIPT = fileURLToPath(new URL('../../scripts/devdb/server.py', import.meta.url));
const INSTALL_HINT =
  'Install them with: apt-get install -y python3-mockupdb python3-mongomock (npm run setup does this)';
const KILL_AFTER_MS = 5_000;

export async function startDevDbServer(options: DevDbServerOptions = {}): Promise<DevDbServer> {
  const python = options.python ?? '/usr/bin/python3';
  const args = ['-B', SCRIPT, '--port', String(options.port ?? 0), '--exit-on-stdin-close'];
  if (options.snapshotFile) {
    args.push('--snapshot', options.snapshotFile);
    args.push('--snapshot-interval-ms', String(options.snapshotIntervalMs ?? 5_000));
  }
  // stdin stays an open pipe we never write to: when this process dies (even by kill -9), the server sees EOF,
  // snapshots and exits, so it is never orphaned. `detached` puts it in its own session and process group, so the
  // terminal's Ctrl-C and a signal to our group (docker stop, systemd) reach only us; we stop it last, ourselves.
  const child = spawn(python, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const port = await waitForReady(child, python, options.startTimeoutMs ?? 15_000);
  const uri = `mongodb://127.0.0.1:${port}/?directConnection=true`;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  // Don't keep the event loop alive just because the server runs (the stdin pipe would).
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    (stream as unknown as { unref?: () => void } | null)?.unref?.();
  }

  const flush = async (): Promise<void> => {
    if (!options.snapshotFile) return;
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000 });
    try {
      await client.connect();
      await client.db('admin').command({ devFlush: 1 });
    } finally {
      await client.close();
    }
  };

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        await flush();
      } catch {
        // The server also snapshots when its stdin closes; a failed flush must not prevent the stop.
      }
      // Closing the lifeline is the stop request: the server ignores SIGINT and SIGTERM (they are the group's).
      child.stdin?.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };

  return { uri, port, pid: child.pid, flush, stop };
}

function waitForReady(child: ChildProcess, python: string, timeoutMs: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (reason: string) => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(explain(reason, stderr, python)));
    };
    const onStdout = (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /READY port=(\d+)/.exec(stdout);
      if (match) {
        cleanup();
        // Keep draining stderr so a chatty server can never block on a full pipe.
        child.stderr?.on('data', () => {});
        child.stdout?.on('data', () => {});
        resolve(Number(match[1]));
      }
    };
    const onStderr = (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    };
    const onError = (error: Error) => fail(`could not run ${python}: ${error.message}`);
    const onExit = (code: number | null, signal: string | null) =>
      fail(`the dev database server exited before it was ready (code ${code}, signal ${signal})`);
    const timer = setTimeout(
      () => fail(`the dev database server did not report READY within ${timeoutMs} ms`),
      timeoutMs,
    );
    function cleanup() {
      clearTimeout(timer);
      child.stdout?.off('data', onStdout);
      child.stderr?.off('data', onStderr);
      child.off('error', onError);
      child.off('exit', onExit);
    }
    child.stdout?.on('data', onStdout);
    child.stderr?.on('data', onStderr);
    child.once('error', onError);
    child.once('exit', onExit);
  });
}

function explain(reason: string, stderr: string, python: string): string {
  const lines = [`Cannot start the offline dev database (${SCRIPT}): ${reason}.`];
  if (/ModuleNotFoundError|No module named/.test(stderr)) {
    lines.push(`${python} lacks the Python modules mockupdb/mongomock. ${INSTALL_HINT}`);
  } else if (/ENOENT/.test(reason)) {
    lines.push(`${python} was not found. Install python3 and the modules. ${INSTALL_HINT}`);
  }
  if (stderr.trim()) lines.push(`Server output:\n${stderr.trim().split('\n').slice(-15).join('\n')}`);
  return lines.join('\n');
}
