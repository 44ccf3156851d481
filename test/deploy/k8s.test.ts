import { describe, expect, it } from 'vitest';
import { copy } from './deploy-files.js';
import {
  healthPaths,
  type Manifest,
  manifestFactProblems,
  manifestSchemaErrors,
  readManifests,
} from './k8s-checks.js';

const manifests = readManifests();
const docs = () => copy(manifests.map((m) => m.doc));
// The tests break these documents on purpose, through paths the Manifest type does not spell out.
// biome-ignore lint/suspicious/noExplicitAny: a free-form YAML document being broken on purpose
type Loose = any;
const find = (all: Manifest[], kind: string): Loose => all.find((d) => d.kind === kind);

describe('deploy/k8s', () => {
  it('holds a Deployment, PodDisruptionBudget, Service, ConfigMap, example Secret and backup claim', () => {
    expect(manifests.map((m) => m.doc.kind).sort()).toEqual(
      ['ConfigMap', 'Deployment', 'PersistentVolumeClaim', 'PodDisruptionBudget', 'Secret', 'Service'].sort(),
    );
  });

  it.each(manifests.map((m) => [m.file, m.doc] as const))(
    '%s is valid against its Kubernetes schema',
    (_, doc) => {
      expect(manifestSchemaErrors(doc)).toEqual([]);
    },
  );

  it('fit together and fit the service: env it accepts, probes on its routes, clean stop inside the grace period', () => {
    expect(healthPaths()).toEqual(expect.arrayContaining(['/readyz', '/healthz']));
    expect(manifestFactProblems(docs())).toEqual([]);
  });

  it('fails the schema for a missing selector, a wrong type and an unknown kind', () => {
    const deployment = find(docs(), 'Deployment');
    delete deployment.spec.selector;
    deployment.spec.replicas = 'two';
    const errors = manifestSchemaErrors(deployment).join('\n');
    expect(errors).toContain('must have required property selector');
    expect(errors).toContain('replicas must be integer');
    expect(manifestSchemaErrors({ kind: 'Ingres', metadata: { name: 'x' } })).toEqual([
      'kind Ingres: no schema to check it against',
    ]);
  });

  it('fails the facts for a wrong probe path, root, a short grace period and an unknown variable', () => {
    const all = docs();
    const pod = find(all, 'Deployment').spec.template.spec;
    pod.containers[0].readinessProbe.httpGet.path = '/ready';
    pod.securityContext.runAsNonRoot = false;
    pod.terminationGracePeriodSeconds = 10;
    find(all, 'ConfigMap').data.MONGO_DB_URI = 'mongodb://x';
    find(all, 'PodDisruptionBudget').spec.selector.matchLabels = { app: 'other' };
    const problems = manifestFactProblems(all);
    expect(problems).toEqual(
      expect.arrayContaining([
        'readinessProbe must GET /readyz',
        'readinessProbe: the service has no route /ready',
        'securityContext: runAsNonRoot with a non-zero runAsUser',
        'terminationGracePeriodSeconds under 20',
        'MONGO_DB_URI: not a setting the service reads',
        'PodDisruptionBudget does not select the pods',
      ]),
    );
  });

  it('fails the facts when production settings or the platform credentials are missing', () => {
    const all = docs();
    delete find(all, 'Secret').stringData.MONGODB_URI;
    delete find(all, 'Secret').stringData.SLACK_BOT_TOKEN;
    const problems = manifestFactProblems(all).join('\n');
    expect(problems).toContain('NODE_ENV=production needs a real MongoDB: set MONGODB_URI');
    expect(problems).toContain('SLACK_BOT_TOKEN is not set');
  });
});
