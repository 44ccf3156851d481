import type { Level, Role } from '../../core/org/types.js';
import type { ErrorCode, ErrorDetails } from '../../core/shared/errors.js';

/**
 * Every user-facing text, once per language. Both catalogues are typed with this shape, so a text (or an error
 * code) missing in one language is a compile error, not a blank on someone's phone.
 */
export type Catalogue = {
  readonly roles: Readonly<Record<Role, string>>;
  readonly levels: Readonly<Record<Level, string>>;
  readonly errors: Readonly<Record<ErrorCode, (details: ErrorDetails) => string>>;
  readonly memberStatus: {
    readonly title: string;
    readonly greeting: (name: string) => string;
    readonly team: string;
    readonly level: string;
    readonly dailyCap: string;
    readonly status: string;
    readonly available: string;
    readonly onLeave: string;
    readonly goOnLeave: string;
    readonly backToWork: string;
    readonly noTeam: string;
  };
  readonly help: {
    readonly title: string;
    readonly intro: string;
    readonly commands: Readonly<Record<CommandName, string>>;
    readonly aliasesNote: string;
  };
  readonly availabilityChanged: (onLeave: boolean) => string;
  readonly somethingWentWrong: (reference: string) => string;
};

export const COMMAND_NAMES = ['lead', 'pool', 'followup', 'complaint', 'hours', 'help'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];
