import { DomainError } from '../../core/shared/errors.js';
import type { CommandHandler } from '../registry.js';

/**
 * Commands whose features are still to come (leads, pools, follow-ups, complaints, hours) answer plainly that they
 * are not enabled, rather than failing as unknown: the grammar already knows them.
 */
export const notEnabledCommand: CommandHandler = async (_ctx, event) => {
  throw new DomainError('COMMAND_NOT_AVAILABLE', {
    command: event.rawText.trim().split(/\s+/u)[0] ?? event.command,
  });
};
