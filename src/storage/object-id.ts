import { Types } from 'mongoose';

/** Parses an id from outside; a malformed one is "not found", never a cast error deep in a query. */
export function toObjectId(id: string): Types.ObjectId | undefined {
  return Types.ObjectId.isValid(id) && /^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : undefined;
}

export const isDuplicateKeyError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
