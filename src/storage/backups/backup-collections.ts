import { ObjectId } from 'mongodb';
import type { Models } from '../models.js';

/**
 * What a collection's documents say about their org: `orgId` (every org's data), `_id` (the orgs themselves), or
 * nothing (the service's own short-lived records: webhook dedupe, replay proofs, WeCom response codes).
 */
export type OrgKey = 'orgId' | '_id' | 'none';

export type OwnedCollection = { readonly name: string; readonly orgKey: OrgKey };

/**
 * Every collection the service owns, read from the mongoose models (the one list kept in one place, so a new
 * model is backed up without anyone remembering to add it). Agenda's `agenda_jobs` is left out on purpose: it holds
 * only the schedule and the locks of the running instances, which the scheduler recreates at start; restoring an
 * old lock would hold a job off for the lock's lifetime.
 */
export function ownedCollections(models: Models): OwnedCollection[] {
  return Object.values(models)
    .map((model) => ({
      name: model.collection.collectionName,
      orgKey: orgKeyOf(model.collection.collectionName, model.schema.pathType('orgId') === 'real'),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function orgKeyOf(name: string, hasOrgId: boolean): OrgKey {
  if (name === 'orgs') return '_id';
  return hasOrgId ? 'orgId' : 'none';
}

/** The filter that selects one org's documents (counters keep `orgId` as a string, the rest as an ObjectId). */
export function orgFilter(orgKey: OrgKey, orgId: string, oid: unknown): Record<string, unknown> {
  if (orgKey === 'none') return { _id: { $exists: false } };
  return { [orgKey]: { $in: [oid, orgId] } };
}

/** The org a document belongs to, as a string (undefined for the service's own records). */
export function orgOfDocument(orgKey: OrgKey, doc: Record<string, unknown>): string | undefined {
  if (orgKey === 'none') return undefined;
  const value = doc[orgKey];
  return value === undefined || value === null ? undefined : String(value);
}

/** An org id as `_id` and `orgId` store it: an ObjectId (ids our code made), else the string as given. */
export const orgIdValue = (id: string): unknown =>
  ObjectId.isValid(id) && /^[0-9a-f]{24}$/i.test(id) ? new ObjectId(id) : id;
