import { describe, expect, it } from 'vitest';
import { composeFactProblems, composeSchemaErrors } from './compose-checks.js';
import { copy, isRecord, readDeploy, yamlDocuments } from './deploy-files.js';

const compose = yamlDocuments(readDeploy('compose.yaml'))[0] as Record<string, unknown>;
type Doc = { services: Record<string, Record<string, unknown>> };
const doc = () => copy(compose) as Doc;
const app = (d: Doc) => d.services.leadrelay1 as { environment: Record<string, string> };

describe('deploy/compose.yaml', () => {
  it('is valid against the Compose specification schema', () => {
    expect(composeSchemaErrors(compose)).toEqual([]);
  });

  it('is a working deployment: 3-member replica set, 2 instances whose env the service accepts, waits, volumes', () => {
    expect(composeFactProblems(compose)).toEqual([]);
  });

  it('fails the schema for an unknown key, a wrong type or an unknown depends_on condition', () => {
    const broken = doc();
    (broken.services.proxy as Record<string, unknown>).prots = ['8080:80'];
    (broken.services.mongo1 as Record<string, unknown>).restart = 3;
    (broken.services['mongo-init'] as { depends_on: Record<string, unknown> }).depends_on.mongo1 = {
      condition: 'service_ready',
    };
    const errors = composeSchemaErrors(broken);
    expect(errors).toContain('/services/proxy must NOT have additional properties (prots)');
    expect(errors).toContain('/services/mongo1/restart must be string');
    expect(errors.some((e) => e.startsWith('/services/mongo-init/depends_on'))).toBe(true);
  });

  it('fails the facts for a misspelt variable, a URI without w=majority, a platform without credentials', () => {
    const broken = doc();
    app(broken).environment.MONGO_URL = 'mongodb://mongo1';
    app(broken).environment.MONGODB_URI = 'mongodb://mongo1:27017,mongo2:27017/leadrelay?replicaSet=rs0';
    app(broken).environment.PLATFORMS = 'wecom';
    delete (broken.services.mongo3 as Record<string, unknown>).healthcheck;
    broken.services.leadrelay2 = { ...broken.services.leadrelay2, stop_grace_period: '10s', healthcheck: {} };
    const problems = composeFactProblems(broken);
    expect(problems).toContain('leadrelay1: MONGO_URL: not a setting the service reads');
    expect(problems).toContain('leadrelay1: MONGODB_URI needs w=majority');
    expect(problems.some((p) => p.startsWith('leadrelay1: MONGODB_URI must list every MongoDB member'))).toBe(
      true,
    );
    expect(problems.some((p) => p.includes('WECOM_CORP_ID'))).toBe(true);
    expect(problems).toContain('mongo-init: waits for mongo3 to be healthy, which has no healthcheck');
    expect(problems).toContain('leadrelay2: stop_grace_period under 15s');
    expect(problems).toContain('leadrelay2: healthcheck must call /readyz');
  });

  it('fails the facts for a production setting left out and a refused combination', () => {
    const broken = doc();
    app(broken).environment.NODE_ENV = 'development';
    app(broken).environment.DEMO_ORG = 'true';
    expect(composeFactProblems(broken)).toContain('leadrelay1: NODE_ENV: must be production');
    const refused = doc();
    app(refused).environment.DEMO_ORG = 'true';
    expect(composeFactProblems(refused).some((p) => p.startsWith('leadrelay1: DEMO_ORG is refused'))).toBe(
      true,
    );
  });

  it('has nginx send to exactly the Leadrelay instances, on their PORT, with the client address appended', () => {
    const nginx = readDeploy('nginx.conf');
    const upstream = [...nginx.matchAll(/^\s*server\s+([\w.-]+):(\d+)/gm)].map((m) => `${m[1]}:${m[2]}`);
    const instances = Object.entries(compose.services as Record<string, unknown>)
      .filter(([, s]) => isRecord(s) && s.build !== undefined)
      .map(([name, s]) => `${name}:${(s as { environment: { PORT: string } }).environment.PORT}`);
    expect(upstream.sort()).toEqual(instances.sort());
    expect(nginx).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    expect(app(doc()).environment.TRUST_PROXY).toBe('true');
  });
});
