// From where a CLI's changes come, for the audit trail: the command line, the npm script and the OS user who ran it
// (at the command line there is no member or token; the person is whoever holds the shell and the database).
import { userInfo } from 'node:os';
import type { CallerOrigin } from '../src/core/org/caller.js';
import type { Org } from '../src/core/org/types.js';
import { orgId } from '../src/core/shared/ids.js';
import type { Models } from '../src/storage/models.js';
import { mongoOrgRepository } from '../src/storage/repositories/org-repository.js';

export type CliScript = 'backup' | 'restore' | 'export';

export function cliOrigin(script: CliScript, osUser: string = osUserName()): CallerOrigin {
  return { script, osUser };
}

/** The OS user's name; a container without a passwd entry for its uid throws here, so the environment's then. */
export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.LOGNAME ?? `uid ${process.getuid?.() ?? '?'}`;
  }
}

/** The orgs of these ids that the database holds (an audit entry needs its org's settings: its retention). */
export async function orgsOf(models: Models, ids: readonly string[]): Promise<Org[]> {
  const orgs = mongoOrgRepository(models);
  const found = await Promise.all(
    ids.filter((id) => /^[0-9a-f]{24}$/i.test(id)).map((id) => orgs.get(orgId(id))),
  );
  return found.filter((org): org is Org => org !== undefined);
}
