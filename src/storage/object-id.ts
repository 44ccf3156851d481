import { Types } from 'mongoose';

/** Parses an id from outside; a malformed one is "not found", never a cast error deep in a query. */
export function toObjectId(id: string): Types.ObjectId | undefined {
  return Types.ObjectId.isValid(id) && /^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : undefined;
}

/** An id our own code produced (a stored or routed id): malformed here is a bug, not a user's mistake. */
export function mustObjectId(id: string): Types.ObjectId {
  const oid = toObjectId(id);
  if (!oid) throw new Error(`not an object id: ${id}`);
  return oid;
}

export const isDuplicateKeyError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
