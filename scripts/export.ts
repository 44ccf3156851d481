// `npm run export -- <kind> [--from DAY] [--to DAY] [--team NAME|ID] [--format csv|xlsx] [--org ID] [--out FILE]`:
// one export (core/exports) of the database the service uses, written to a file, with a progress bar on stderr.
// It acts as the system (an operator with the database in hand): every record of the org, phones whole.
// Exit 0: written; 2: nothing written (a bad argument, an unknown org), with the reason on stderr.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { EXPORT_KIND_NAMES, EXPORT_KINDS, planExport, streamExport } from '../src/core/exports/index.js';
import { systemCaller } from '../src/core/org/caller.js';
import type { Org } from '../src/core/org/types.js';
import { isDomainError } from '../src/core/shared/errors.js';
import { orgId } from '../src/core/shared/ids.js';
import { openExportSink } from '../src/export-files/open-export-sink.js';
import { mongoExportSource } from '../src/storage/exports/export-source.js';
import type { Models } from '../src/storage/models.js';
import { mongoMemberRepository } from '../src/storage/repositories/member-repository.js';
import { mongoOrgRepository } from '../src/storage/repositories/org-repository.js';
import { mongoTeamRepository } from '../src/storage/repositories/team-repository.js';
import { CliProblem, openCliDatabase } from './backup-database.js';

const USAGE = `npm run export -- <${EXPORT_KINDS.join('|')}> [--from 2026-11-01] [--to 2026-11-30] [--team NAME|ID] [--format csv|xlsx] [--org ID] [--out FILE]`;

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

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      team: { type: 'string' },
      format: { type: 'string' },
      org: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [kind, ...extra] = positionals;
  if (values.help || !kind || extra.length > 0) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const database = await openCliDatabase();
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${kind} {bar} {value}/{total} rows` },
    cliProgress.Presets.shades_classic,
  );
  try {
    const { models } = database;
    const org = await orgOf(models, values.org);
    const caller = systemCaller(org);
    const deps = {
      source: mongoExportSource(models),
      members: mongoMemberRepository(models),
      teams: mongoTeamRepository(models),
      clock: { now: () => new Date() },
    };
    const { org: _org, out: _out, help: _help, ...query } = values;
    const plan = await planExport(deps, caller, { ...query, kind }).catch((error: unknown) => {
      throw new CliProblem(problemText(error));
    });
    const file = path.resolve(values.out ?? plan.fileName);
    // Written beside the target and renamed at the end: a file under the asked name is always a whole export.
    const partial = `${file}.part`;
    const out = createWriteStream(partial);
    bar.start(1, 0);
    try {
      const result = await streamExport(
        deps,
        caller,
        plan,
        openExportSink(plan.format, out, EXPORT_KIND_NAMES[plan.kind][caller.locale].title),
        ({ rows, total }) => {
          if (total !== undefined) bar.setTotal(Math.max(total, 1));
          bar.update(rows);
        },
      );
      bar.stop();
      await rename(partial, file);
      console.log(`Export written: ${file} — ${result.rows} rows of ${result.kind} (${org.name})`);
      return 0;
    } catch (error) {
      out.destroy();
      await rm(partial, { force: true });
      throw error;
    }
  } finally {
    bar.stop();
    await database.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof CliProblem)) throw error;
  console.error(`Export stopped: ${error.message}`);
  process.exitCode = 2;
}
