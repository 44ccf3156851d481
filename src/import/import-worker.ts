// The thread that reads and checks an import file (started by check-lead-file-in-worker.ts), so that parsing a
// large spreadsheet never blocks the service's event loop. It answers one message and ends.
import { parentPort, workerData } from 'node:worker_threads';
import { type CheckFileInput, checkLeadFile, type ImportKind } from './check-lead-file.js';
import { ImportError } from './import-error.js';
import { ImportLimitError } from './import-limits.js';

export type WorkerRequest = CheckFileInput<ImportKind> & { readonly bytes: Uint8Array };

const request = workerData as WorkerRequest;
try {
  parentPort?.postMessage({ ok: true, check: await checkLeadFile(request.bytes, request) });
} catch (error) {
  if (error instanceof ImportLimitError) {
    parentPort?.postMessage({
      ok: false,
      kind: 'limit',
      message: error.message,
      limit: error.limit,
      max: error.max,
    });
  } else if (error instanceof ImportError) {
    parentPort?.postMessage({ ok: false, kind: 'import', message: error.message, problem: error.problem });
  } else {
    // A bug: the parent rethrows it as a plain Error, so the API answers 500 and logs it.
    parentPort?.postMessage({
      ok: false,
      kind: 'bug',
      message: error instanceof Error ? error.stack : String(error),
    });
  }
}
