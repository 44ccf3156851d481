import { Worker } from 'node:worker_threads';
import type { CheckFileInput, FileCheck, ImportKind } from './check-lead-file.js';
import { ImportError, type ImportProblem } from './import-error.js';
import { ImportLimitError, type ImportLimitName } from './import-limits.js';
import type { WorkerRequest } from './import-worker.js';

/**
 * The worker's heap cap. Reading an XLSX takes about 17 times its unzipped size (50,000 rows of 8 columns, 19 MB
 * unzipped: 316 MB, 5.5 s), so a file within IMPORT_MAX_UNZIPPED_MB's default fits; a CSV at the row limit takes
 * under 100 MB. What a file really unzips to is checked before it is read (zip-unpacked-size.ts); this cap is the
 * last line, should anything else in a file blow up (a 413 naming it).
 */
const WORKER_HEAP_MB = 768;
/** No import file within the limits takes this long to read; a worker past it is stuck and is stopped. */
const WORKER_TIMEOUT_MS = 120_000;

type WorkerAnswer =
  | { ok: true; check: FileCheck<ImportKind> }
  | { ok: false; kind: 'limit'; message: string; limit: ImportLimitName; max: number }
  | { ok: false; kind: 'import'; message: string; problem?: ImportProblem }
  | { ok: false; kind: 'bug'; message: string };

/**
 * checkLeadFile on a worker thread, for a file of leads or of orders: the event loop stays free for /healthz and webhook acknowledgements while a
 * file is parsed. Under tsx (npm start, vitest) the worker is TypeScript and is started through ts-worker-boot.mjs,
 * which registers tsx in the new thread (vitest's own process does not run under tsx at all).
 */
export function checkLeadFileInWorker<K extends ImportKind = 'leads'>(
  bytes: Uint8Array,
  input: CheckFileInput<K>,
): Promise<FileCheck<K>> {
  const typescript = import.meta.url.endsWith('.ts');
  const entry = new URL(`./import-worker.${typescript ? 'ts' : 'js'}`, import.meta.url);
  const request: WorkerRequest & { entry: string } = { ...input, bytes, entry: entry.href };
  const worker = new Worker(typescript ? new URL('./ts-worker-boot.mjs', import.meta.url) : entry, {
    workerData: request,
    // Moved rather than copied when the bytes own their memory (a body read whole does): one copy of a 19 MB
    // file is enough. The caller is done with them.
    transferList: ownsBuffer(bytes) ? [bytes.buffer as ArrayBuffer] : [],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  return new Promise<FileCheck<K>>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new ImportError({ kind: 'too_slow' }));
    }, WORKER_TIMEOUT_MS);
    const settle = () => clearTimeout(timer);
    worker.once('message', (answer: WorkerAnswer) => {
      settle();
      if (answer.ok) resolve(answer.check as FileCheck<K>);
      else reject(errorOf(answer));
    });
    worker.once('error', (error: Error & { code?: string }) => {
      settle();
      reject(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ImportLimitError('IMPORT_MEMORY', WORKER_HEAP_MB)
          : error,
      );
    });
    worker.once('exit', () => {
      settle();
      reject(new Error('the import worker ended without an answer'));
    });
  });
}

function errorOf(answer: Exclude<WorkerAnswer, { ok: true }>): Error {
  if (answer.kind === 'limit') return new ImportLimitError(answer.limit, answer.max);
  if (answer.kind === 'import') return new ImportError(answer.problem ?? answer.message);
  return new Error(`import worker failed: ${answer.message}`);
}

const ownsBuffer = (bytes: Uint8Array) =>
  bytes.byteOffset === 0 &&
  bytes.byteLength === bytes.buffer.byteLength &&
  bytes.buffer instanceof ArrayBuffer;
