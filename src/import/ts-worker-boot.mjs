// The entry of a worker thread whose code is TypeScript (npm start and vitest run the sources through tsx): Node 20
// applies no `--import tsx` loader to a worker's own entry file, so this registers tsx first, then loads the worker
// named by `workerData.entry`. See check-lead-file-in-worker.ts.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
