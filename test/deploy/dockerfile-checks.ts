import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SETTINGS } from '../../src/config/config-schema.js';
import { ROOT } from './deploy-files.js';
import { healthPaths } from './k8s-checks.js';

export type Instruction = { readonly keyword: string; readonly args: string };

/** A Dockerfile's instructions: comments dropped, `\` continuations joined (all this file uses). */
export function parseDockerfile(text: string): Instruction[] {
  const joined = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** `.dockerignore` patterns that exclude a top-level path (the only kind this project uses). */
function ignored(root: string): (file: string) => boolean {
  const file = path.join(root, '.dockerignore');
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
  const patterns = lines.map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && !l.startsWith('!'));
  return (name) => patterns.includes(name);
}

/** What the image must be: multi-stage, production deps from the lockfile, non-root, probed on /readyz, clean stop. */
export function dockerfileProblems(text: string, root = ROOT): string[] {
  const all = parseDockerfile(text);
  const problems: string[] = [];
  const froms = all.filter((i) => i.keyword === 'FROM');
  if (froms.length < 2) problems.push('not multi-stage (one FROM)');
  const lastFrom = all.lastIndexOf(froms.at(-1) ?? { keyword: '', args: '' });
  const runtime = all.slice(lastFrom);
  const image = (all.find((i) => i.keyword === 'ARG' && i.args.startsWith('NODE_IMAGE='))?.args ?? '').slice(
    11,
  );
  if (!/^node:20[\w.-]*-slim$/.test(image)) problems.push(`base image ${image}: a node:20 slim image`);
  if (!all.some((i) => i.keyword === 'RUN' && /\bnpm ci\b.*--omit=dev/.test(i.args))) {
    problems.push('no RUN npm ci --omit=dev');
  }
  const user = runtime.filter((i) => i.keyword === 'USER').at(-1)?.args;
  if (!user || /^(root|0)(:|$)/.test(user)) problems.push('the runtime stage must end on a non-root USER');
  const health = runtime.find((i) => i.keyword === 'HEALTHCHECK')?.args ?? '';
  const probed = /\/(\w+)'/.exec(health)?.[0]?.slice(0, -1);
  if (probed !== '/readyz' || !healthPaths().includes(probed)) problems.push('HEALTHCHECK must call /readyz');
  if (runtime.find((i) => i.keyword === 'STOPSIGNAL')?.args !== 'SIGTERM')
    problems.push('STOPSIGNAL SIGTERM');
  const port = String(SETTINGS.PORT.default);
  if (!runtime.some((i) => i.keyword === 'EXPOSE' && i.args.split(/\s+/).includes(port)))
    problems.push('EXPOSE');
  const cmd = runtime.filter((i) => i.keyword === 'CMD').at(-1)?.args ?? '';
  // npm between the signal and node would delay or swallow SIGTERM (README "The database" → Stopping).
  if (!cmd.startsWith('["node"')) problems.push('CMD must exec node directly, not npm');
  for (const env of runtime.filter((i) => i.keyword === 'ENV')) {
    for (const [, name] of env.args.matchAll(/(?:^|\s)([A-Z_][A-Z0-9_]*)=/g)) {
      if (name && !Object.hasOwn(SETTINGS, name))
        problems.push(`ENV ${name}: not a setting the service reads`);
    }
  }
  problems.push(...copyProblems(all, root));
  return problems;
}

/** Every local COPY source exists and is not left out of the build context by .dockerignore. */
function copyProblems(all: readonly Instruction[], root: string): string[] {
  const isIgnored = ignored(root);
  return all
    .filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from'))
    .flatMap((i) => i.args.split(/\s+/).slice(0, -1))
    .flatMap((source) => {
      if (!existsSync(path.join(root, source))) return [`COPY ${source}: no such file in the build context`];
      return isIgnored(source) ? [`COPY ${source}: excluded by .dockerignore`] : [];
    });
}
