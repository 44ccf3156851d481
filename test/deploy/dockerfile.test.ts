import { describe, expect, it } from 'vitest';
import { readDeploy } from './deploy-files.js';
import { dockerfileProblems } from './dockerfile-checks.js';

const dockerfile = readDeploy('Dockerfile');

describe('deploy/Dockerfile', () => {
  it('is multi-stage on node:20 slim, npm ci --omit=dev, non-root, HEALTHCHECK on /readyz, SIGTERM, node as CMD', () => {
    expect(dockerfileProblems(dockerfile)).toEqual([]);
  });

  it('fails for a root user, npm install, a probe on another path, npm start and a misspelt variable', () => {
    const broken = dockerfile
      .replace('USER 1000:1000', 'USER root')
      .replace('npm ci --omit=dev', 'npm install')
      .replace("'/readyz'", "'/ready'")
      .replace('CMD ["node", "--import", "tsx", "src/config/main.ts"]', 'CMD ["npm", "start"]')
      .replace('BACKUP_DIR=/backups', 'BACKUPS_DIR=/backups')
      .replace('COPY scripts ./scripts', 'COPY test ./test');
    expect(broken).not.toBe(dockerfile);
    expect(dockerfileProblems(broken)).toEqual([
      'no RUN npm ci --omit=dev',
      'the runtime stage must end on a non-root USER',
      'HEALTHCHECK must call /readyz',
      'CMD must exec node directly, not npm',
      'ENV BACKUPS_DIR: not a setting the service reads',
      'COPY test: excluded by .dockerignore',
    ]);
  });

  it('fails for a single stage', () => {
    const single = dockerfile.replace(/FROM \$\{NODE_IMAGE\} AS deps[\s\S]*?(?=FROM)/, '');
    expect(dockerfileProblems(single)).toContain('not multi-stage (one FROM)');
  });
});
