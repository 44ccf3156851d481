/** Codes that belong to no single module: input and request shape. */
export type SharedErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE';

/** Codes of the chat layer (commands and buttons), declared here so the text catalogue covers them too. */
export type ChatErrorCode = 'UNKNOWN_COMMAND' | 'UNKNOWN_ACTION' | 'BAD_COMMAND_ARGS';

/**
 * Each domain registers its rule-failure codes by declaration merging
 * (`declare module '../shared/errors.js' { interface DomainErrorCodes { LEAD_NOT_FOUND: true } }`), so shared
 * names no domain.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each domain's declaration merging.
export interface DomainErrorCodes {}

/** Every rule failure the product can report. Adding one without zh-CN and en texts fails to compile. */
export type ErrorCode = SharedErrorCode | ChatErrorCode | keyof DomainErrorCodes;

export type ErrorDetails = Readonly<Record<string, unknown>>;

/** A rule failure the user can act on. Bugs are plain `Error`s. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, details: ErrorDetails = {}) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

/**
 * What is wrong with a field, as data: each reader's catalogue words it (zod's own English is only `message`, kept
 * for API clients that already read it). `other` is a rule with no wording of its own yet: shown as "格式不对".
 */
export type FieldProblem =
  | { readonly kind: 'required' }
  | { readonly kind: 'too_small'; readonly minimum: number; readonly of: 'text' | 'number' | 'list' }
  | { readonly kind: 'too_big'; readonly maximum: number; readonly of: 'text' | 'number' | 'list' }
  | { readonly kind: 'wrong_type'; readonly expected: string }
  | { readonly kind: 'unknown_field' }
  | { readonly kind: 'not_one_of'; readonly allowed: readonly string[] }
  /** Control or bidi formatting characters, or a lone surrogate (see text-field.ts). */
  | { readonly kind: 'unsafe_text' }
  /** A value not in the form its field takes (a phone number, a source name, a time …), told by `format`. */
  | { readonly kind: 'bad_format'; readonly format: FieldFormat }
  /** Of these fields, give at least one (or, `exactly`, just one). */
  | { readonly kind: 'one_of'; readonly fields: readonly string[]; readonly exactly: boolean }
  /** An import file that cannot be read at all: the import's own problem (import/import-error.ts), as data. */
  | { readonly kind: 'import_file'; readonly problem: { readonly kind: string } }
  /** A rule's own check, worded by its kind (see FIELD_RULES). */
  | { readonly kind: FieldRule }
  | { readonly kind: 'other' };

/** The forms a field can be asked to take; each is worded in every catalogue. */
export type FieldFormat =
  | 'phone'
  | 'email'
  | 'source'
  | 'time_zone'
  | 'time'
  /** An instant in ISO 8601 with its offset (2026-12-03T10:00:00+08:00). */
  | 'date_time'
  | 'rule_id'
  | 'id'
  | 'other';

/**
 * Checks of a rule, not of a value's form: a team the org does not have, a weight for someone outside the team, a
 * name given twice, two values in the wrong order (the field says which two).
 */
export const FIELD_RULES = [
  'no_such_team',
  'not_in_team',
  'duplicate',
  'out_of_order',
  /** A time that must be ahead of now (a next contact time). */
  'in_the_past',
  /** A time further ahead than its field allows (a next contact more than a year away). */
  'too_far_ahead',
] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

/** One bad field of an input, as reported to API clients and in chat. */
export type FieldIssue = {
  readonly field: string;
  readonly message: string;
  readonly problem?: FieldProblem;
};

export function validationFailed(issues: readonly FieldIssue[]): DomainError {
  return new DomainError('VALIDATION_FAILED', { issues });
}
