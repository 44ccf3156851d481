import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/config/config-schema.js';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';

describe('loadConfig', () => {
  it('needs no configuration at all for the embedded mode', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATA_DIR: './data',
      SANDBOX_ENABLED: true,
      DEMO_ORG: true,
      EMBEDDED_DB: 'auto',
    });
    expect(config.MONGODB_URI).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('turns the sandbox and demo org off in production with a real database, unless asked', () => {
    const prod = loadConfig({ NODE_ENV: 'production', MONGODB_URI: 'mongodb://db:27017/leadrelay' });
    expect(prod.SANDBOX_ENABLED).toBe(false);
    expect(prod.DEMO_ORG).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SANDBOX_ENABLED: 'true' }).SANDBOX_ENABLED).toBe(true);
  });

  it('names every bad key on its own line and never echoes values', () => {
    const attempt = () =>
      loadConfig({
        PORT: 'eighty',
        MONGODB_URI: 'postgres://user:hunter2@x',
        LOG_LEVEL: 'loud',
        DEMO_API_TOKEN: 'short',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const lines = (error as ConfigError).lines;
      expect(lines.map((line) => line.trim().split(':')[0]).sort()).toEqual([
        'DEMO_API_TOKEN',
        'LOG_LEVEL',
        'MONGODB_URI',
        'PORT',
      ]);
      expect((error as ConfigError).message).not.toContain('hunter2');
    }
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', MONGODB_URI: '' }).PORT).toBe(3000);
  });
});

describe('documented configuration', () => {
  const keys = Object.keys(SETTINGS).sort();

  it('lists every setting in the README configuration table, and nothing else', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.split('<!-- config-table:start -->')[1]?.split('<!-- config-table:end -->')[0] ?? '';
    const documented = [...table.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(keys);
  });

  it('lists every setting in .env.example, and nothing else', () => {
    const example = readFileSync('.env.example', 'utf8');
    const listed = [...example.matchAll(/^#?\s*([A-Z0-9_]+)=/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(keys);
  });
});
