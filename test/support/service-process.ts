import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A port free on loopback now, from the OS (its ephemeral range): a test's service keeps it across its restarts.
 * Not a random number in a fixed range: one could be taken, or be on fetch's blocked list (4190, 6000, 6665…),
 * which refuses to connect with "bad port".
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const SERVICE_TOKEN = 'demo-token-for-process-tests';

export type ServiceProcess = {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  output(): string;
  /** Resolves once the output contains `text`; rejects if the service exits first. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Signals the whole process group, as a terminal's Ctrl-C, docker stop or systemd would. */
  signalGroup(signal: NodeJS.Signals): void;
  /** This service's descendant processes (the embedded database among them), by pid. */
  descendants(): number[];
  post(path: string, body: unknown): Promise<Response>;
  get(path: string): Promise<Response>;
};

/**
 * Starts the README's run command, `npm start`, in its own process group (detached) on the offline dev database, so
 * a test can signal the group exactly as an operator would. npm's own wrapper is part of what is tested.
 */
export function startService(options: {
  port: number;
  dataDir: string;
  env?: Record<string, string>;
}): ServiceProcess {
  const child = spawn('npm', ['start', '--silent'], {
    detached: true,
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      EMBEDDED_DB: 'dev-server',
      LOG_LEVEL: 'warn',
      MONGODB_URI: '',
      NODE_ENV: 'development',
      DEMO_API_TOKEN: SERVICE_TOKEN,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const headers = { authorization: `Bearer ${SERVICE_TOKEN}`, 'content-type': 'application/json' };
  return {
    child,
    baseUrl,
    exited,
    output: () => out,
    waitFor: (text, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const timer = setInterval(() => {
          if (out.includes(text)) {
            clearInterval(timer);
            resolve();
          } else if (
            child.exitCode !== null ||
            child.signalCode !== null ||
            Date.now() - started > timeoutMs
          ) {
            clearInterval(timer);
            reject(new Error(`no "${text}" from the service:\n${out}`));
          }
        }, 25);
      }),
    signalGroup: (signal) => {
      if (child.pid) process.kill(-child.pid, signal);
    },
    descendants: () => (child.pid ? descendantsOf(child.pid) : []),
    post: (path, body) => fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
    get: (path) => fetch(`${baseUrl}${path}`, { headers }),
  };
}

/** Every live descendant of `root`, read from /proc (a process in another session or group is still a child). */
export function descendantsOf(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = processStat(Number(entry));
    if (stat && stat.state !== 'Z') parents.set(Number(entry), stat.ppid);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const [pid, ppid] of parents) {
      if (ppid === parent) {
        found.push(pid);
        queue.push(pid);
      }
    }
  }
  return found;
}

/** Whether `pid` is still running (a zombie waiting to be reaped counts as gone). */
export function isAlive(pid: number): boolean {
  const stat = processStat(pid);
  return stat !== undefined && stat.state !== 'Z';
}

function processStat(pid: number): { state: string; ppid: number } | undefined {
  try {
    // The command name is in parentheses and may hold spaces; the fields after its closing one are fixed.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: state ?? '?', ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

export async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}
