import { type ChatExportDeps, runChatExports } from '../chat/exports/run-chat-exports.js';
import type { JobDefinition } from './job-definition.js';

/** A `/导出` waits at most this long for its file (the request is stored first, so nothing is lost meanwhile). */
export const CHAT_EXPORT_INTERVAL_MS = 10_000;

/**
 * The exports domain's job list: makes the waiting `/导出` requests. A job, not work started by the command, so a
 * crash or a restart between the answer and the file only delays it (the request's lease ends, the next run takes
 * it), and one instance makes each file (the lease is one conditional write).
 */
export function exportJobs(deps: ChatExportDeps): JobDefinition[] {
  return [
    {
      name: 'exports.chat-requests',
      intervalMs: CHAT_EXPORT_INTERVAL_MS,
      run: async () => {
        await runChatExports(deps);
      },
    },
  ];
}
