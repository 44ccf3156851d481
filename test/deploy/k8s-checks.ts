import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, PersistentVolumeClaim, Secret, Service } from 'kubernetes-models/v1';
import { healthRoutes } from '../../src/http/routes/health-routes.js';
import { DEPLOY, isRecord, readDeploy, yamlDocuments } from './deploy-files.js';
import { serviceEnvProblems } from './service-env.js';

/** The kinds deploy/k8s holds, each with the model that validates it against the Kubernetes OpenAPI schema. */
const MODELS: Record<string, (doc: Record<string, unknown>) => { validate(): void }> = {
  Deployment: (doc) => new Deployment(doc as never),
  PodDisruptionBudget: (doc) => new PodDisruptionBudget(doc as never),
  Service: (doc) => new Service(doc as never),
  ConfigMap: (doc) => new ConfigMap(doc as never),
  Secret: (doc) => new Secret(doc as never),
  PersistentVolumeClaim: (doc) => new PersistentVolumeClaim(doc as never),
};

export type Manifest = Record<string, unknown> & { kind: string; metadata: { name: string } };

/** Every manifest of deploy/k8s and deploy/k8s/examples, with the file it came from. */
export function readManifests(): { file: string; doc: Manifest }[] {
  return ['k8s', 'k8s/examples'].flatMap((folder) =>
    readdirSync(path.join(DEPLOY, folder))
      .filter((name) => name.endsWith('.yaml'))
      .flatMap((name) =>
        yamlDocuments(readDeploy(`${folder}/${name}`)).map((doc) => ({
          file: `${folder}/${name}`,
          doc: doc as Manifest,
        })),
      ),
  );
}

/** Schema errors of one manifest (an unknown kind is one too: nothing would check it). */
export function manifestSchemaErrors(doc: Record<string, unknown>): string[] {
  const model = MODELS[String(doc.kind)];
  if (!model) return [`kind ${String(doc.kind)}: no schema to check it against`];
  try {
    model(doc).validate();
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

/** The paths the service's health router really serves. */
export function healthPaths(): string[] {
  const router = healthRoutes({ database: async () => {}, jobs: () => true, accepting: () => true });
  return router.stack.map((layer) => String(layer.path));
}

type Probe = { httpGet?: { path?: string; port?: string | number } } | undefined;
type Container = {
  ports?: { name?: string; containerPort: number }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; runAsUser?: number };
  lifecycle?: { preStop?: { exec?: { command?: string[] } } };
  volumeMounts?: { name: string; mountPath: string }[];
};
type PodSpec = {
  containers: Container[];
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  volumes?: { name: string; persistentVolumeClaim?: { claimName: string } }[];
};

/** What the schemas cannot know: the manifests fit together and fit the service. */
export function manifestFactProblems(docs: readonly Manifest[]): string[] {
  const problems: string[] = [];
  const named = (kind: string, name: string) => docs.find((d) => d.kind === kind && d.metadata.name === name);
  const deployment = docs.find((d) => d.kind === 'Deployment') as
    | (Manifest & { spec: { replicas?: number; template: { metadata: { labels: object }; spec: PodSpec } } })
    | undefined;
  if (!deployment) return ['no Deployment'];
  const pod = deployment.spec.template.spec;
  const labels = deployment.spec.template.metadata.labels as Record<string, string>;
  const container = pod.containers[0];
  if (!container) return ['the Deployment has no container'];
  if ((deployment.spec.replicas ?? 1) < 2) problems.push('Deployment: fewer than 2 replicas');

  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const ref = source.configMapRef ?? source.secretRef;
    const doc = ref && named(source.configMapRef ? 'ConfigMap' : 'Secret', ref.name);
    if (!doc) problems.push(`envFrom names no manifest ${ref?.name ?? '?'}`);
    Object.assign(env, doc?.data, doc?.stringData);
  }
  problems.push(...serviceEnvProblems(env));

  const routes = healthPaths();
  const port = container.ports?.find((p) => p.containerPort === Number(env.PORT ?? 3000));
  if (!port) problems.push(`no container port is PORT ${env.PORT ?? 3000}`);
  for (const [probe, wanted] of [
    ['readinessProbe', '/readyz'],
    ['livenessProbe', '/healthz'],
  ] as const) {
    const get = container[probe]?.httpGet;
    if (get?.path !== wanted) problems.push(`${probe} must GET ${wanted}`);
    if (!routes.includes(String(get?.path))) problems.push(`${probe}: the service has no route ${get?.path}`);
    if (get?.port !== port?.name && get?.port !== port?.containerPort) problems.push(`${probe}: not PORT`);
  }
  if (!container.resources?.requests || !container.resources.limits?.memory) {
    problems.push('resources: requests and a memory limit');
  }
  if (pod.securityContext?.runAsNonRoot !== true || !pod.securityContext.runAsUser) {
    problems.push('securityContext: runAsNonRoot with a non-zero runAsUser');
  }
  if (container.securityContext?.allowPrivilegeEscalation !== false)
    problems.push('allowPrivilegeEscalation');
  const pause = Number(container.lifecycle?.preStop?.exec?.command?.[1] ?? 0);
  const stop = pause + Number(env.SHUTDOWN_TIMEOUT_MS ?? 10_000) / 1000 + 5;
  if ((pod.terminationGracePeriodSeconds ?? 30) < stop)
    problems.push(`terminationGracePeriodSeconds under ${stop}`);
  for (const volume of pod.volumes ?? []) {
    const claim = volume.persistentVolumeClaim?.claimName;
    if (claim && !named('PersistentVolumeClaim', claim))
      problems.push(`volume ${volume.name}: no claim ${claim}`);
  }
  const mounts = (container.volumeMounts ?? []).map((m) => m.mountPath);
  if (!mounts.includes(String(env.BACKUP_DIR))) problems.push('BACKUP_DIR is not a mounted volume');
  problems.push(...selectorProblems(docs, labels, container));
  return problems;
}

/** The PDB and the Service select the Deployment's pods, and the Service targets a port they open. */
function selectorProblems(
  docs: readonly Manifest[],
  labels: Record<string, string>,
  container: Container,
): string[] {
  const problems: string[] = [];
  const selects = (selector: unknown) =>
    isRecord(selector) && Object.entries(selector).every(([key, value]) => labels[key] === value);
  const pdb = docs.find((d) => d.kind === 'PodDisruptionBudget') as {
    spec?: { selector?: { matchLabels?: object } };
  };
  if (!selects(pdb?.spec?.selector?.matchLabels))
    problems.push('PodDisruptionBudget does not select the pods');
  const service = docs.find((d) => d.kind === 'Service') as
    | { spec?: { selector?: object; ports?: { targetPort?: string | number }[] } }
    | undefined;
  if (!selects(service?.spec?.selector)) problems.push('Service does not select the pods');
  for (const { targetPort } of service?.spec?.ports ?? []) {
    if (!container.ports?.some((p) => p.name === targetPort || p.containerPort === targetPort)) {
      problems.push(`Service targetPort ${String(targetPort)} is no container port`);
    }
  }
  return problems;
}
