// What `npm run export` does once it holds the database (scripts/export.ts parses the flags, shows progress and
// prints): one export of one org to a file, acting as the system (every record of the org, phones whole) from the
// command line, so the audit entry (`export.run`, streamExport's) names the OS user. A function apart from the
// script, so a test runs the very code the CLI runs against its own database.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  EXPORT_KIND_NAMES,
  type ExportProgress,
  type ExportResult,
  planExport,
  streamExport,
} from '../src/core/exports/index.js';
import { type CallerOrigin, systemCaller, withOrigin } from '../src/core/org/caller.js';
import type { Org } from '../src/core/org/types.js';
import { isDomainError } from '../src/core/shared/errors.js';
import { orgId } from '../src/core/shared/ids.js';
import { openExportSink } from '../src/export-files/open-export-sink.js';
import { mongoExportSource } from '../src/storage/exports/export-source.js';
import type { Models } from '../src/storage/models.js';
import { mongoAuditLog } from '../src/storage/repositories/audit-entry-repository.js';
import { mongoMemberRepository } from '../src/storage/repositories/member-repository.js';
import { mongoOrgRepository } from '../src/storage/repositories/org-repository.js';
import { mongoTeamRepository } from '../src/storage/repositories/team-repository.js';
import { CliProblem } from './backup-database.js';

export type ExportCommandInput = {
  readonly models: Models;
  /** The org's id (`--org`); absent, the database's only org. */
  readonly org?: string;
  /** The export's query as the flags give it: kind, from, to, team, format. */
  readonly query: Readonly<Record<string, unknown>>;
  /** The file to write (`--out`); absent, the export's own name in the working directory. */
  readonly out?: string;
  /** The CLI's origin (cliOrigin('export')). */
  readonly origin: CallerOrigin;
  readonly onProgress?: (progress: ExportProgress) => void;
};

export type ExportCommandResult = ExportResult & { readonly file: string; readonly org: Org };

/** The org asked for, else the database's only one; several without --org is a question for the operator. */
async function orgOf(models: Models, asked: string | undefined): Promise<Org> {
  const orgs = mongoOrgRepository(models);
  if (asked) {
    const org = /^[0-9a-f]{24}$/i.test(asked) ? await orgs.get(orgId(asked)) : undefined;
    if (!org) throw new CliProblem(`no org with id ${asked}`);
    return org;
  }
  const all = await models.Org.find({}, { _id: 1, name: 1 }).limit(20).lean();
  if (all.length === 0) throw new CliProblem('the database holds no org yet');
  if (all.length > 1)
    throw new CliProblem(
      `several orgs; pick one with --org: ${all.map((o) => `${o._id} (${o.name})`).join(', ')}`,
    );
  const only = await orgs.get(orgId(String(all[0]?._id)));
  if (!only) throw new CliProblem('the org vanished while reading it');
  return only;
}

/** A field problem as one line per field: `from: bad_format`. */
function problemText(error: unknown): string {
  if (!isDomainError(error)) return String(error);
  const issues = (error.details.issues ?? []) as { field: string; message: string }[];
  if (issues.length > 0) return issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  return `${error.code} ${JSON.stringify(error.details)}`;
}

export async function exportCommand(input: ExportCommandInput): Promise<ExportCommandResult> {
  const { models } = input;
  const org = await orgOf(models, input.org);
  const caller = withOrigin(systemCaller(org), input.origin);
  const deps = {
    source: mongoExportSource(models),
    members: mongoMemberRepository(models),
    teams: mongoTeamRepository(models),
    clock: { now: () => new Date() },
    audit: mongoAuditLog(models),
  };
  const plan = await planExport(deps, caller, input.query).catch((error: unknown) => {
    throw new CliProblem(problemText(error));
  });
  const file = path.resolve(input.out ?? plan.fileName);
  // Written beside the target and renamed at the end: a file under the asked name is always a whole export.
  const partial = `${file}.part`;
  const out = createWriteStream(partial);
  try {
    const title = EXPORT_KIND_NAMES[plan.kind][caller.locale].title;
    const result = await streamExport(
      deps,
      caller,
      plan,
      openExportSink(plan.format, out, title),
      input.onProgress,
    );
    await rename(partial, file);
    return { ...result, file, org };
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
