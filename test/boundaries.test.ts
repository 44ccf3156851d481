import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier a file imports (static, dynamic and `export … from`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(
      /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm,
    ),
  ];
  return specifiers.map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');
const resolved = (file: string, spec: string) =>
  spec.startsWith('.') ? rel(path.resolve(path.dirname(file), spec)) : spec;

/** The domains of core (every folder but the shared kernel, which any domain may use file by file). */
const coreDomains = () =>
  readdirSync(path.join(SRC, 'core'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
    .map((entry) => entry.name);

/** A target inside another domain of core that is not that domain's index.ts. */
function crossesDomainBoundary(domain: string, target: string): boolean {
  const match = /^core\/([^/]+)\/(.+)$/.exec(target);
  if (!match || match[1] === domain || match[1] === 'shared') return false;
  return match[2] !== 'index.js' && match[2] !== 'index.ts';
}

describe('architecture boundaries', () => {
  it('keeps src/core free of platforms, transport, storage and jobs: only zod, node built-ins and core itself', () => {
    const offenders = sourceFiles(path.join(SRC, 'core')).flatMap((file) =>
      importsOf(file)
        .map((spec) => resolved(file, spec))
        .filter((target) => !(target.startsWith('core/') || target === 'zod' || target.startsWith('node:')))
        .map((target) => `${rel(file)} imports ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps src/chat platform-neutral: no adapter, transport, storage or job library', () => {
    const forbidden =
      /^(@slack\/|koa|@koa\/|mongoose|mongodb|agenda|@agendajs\/|dingtalk|@wecom\/|adapters\/|storage\/|http\/|jobs\/)/;
    const offenders = sourceFiles(path.join(SRC, 'chat')).flatMap((file) =>
      importsOf(file)
        .map((spec) => resolved(file, spec))
        .filter((target) => forbidden.test(target))
        .map((target) => `${rel(file)} imports ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps src/import (file reading for imports) free of transport, storage and jobs', () => {
    const forbidden =
      /^(@slack\/|koa|@koa\/|mongoose|mongodb|agenda|@agendajs\/|adapters\/|storage\/|http\/|jobs\/)/;
    const offenders = sourceFiles(path.join(SRC, 'import')).flatMap((file) =>
      importsOf(file)
        .map((spec) => resolved(file, spec))
        .filter((target) => forbidden.test(target))
        .map((target) => `${rel(file)} imports ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps src/export-files (the CSV and XLSX writers of exports) free of transport, storage and jobs', () => {
    const forbidden =
      /^(@slack\/|koa|@koa\/|mongoose|mongodb|agenda|@agendajs\/|adapters\/|storage\/|http\/|jobs\/|chat\/)/;
    const offenders = sourceFiles(path.join(SRC, 'export-files')).flatMap((file) =>
      importsOf(file)
        .map((spec) => resolved(file, spec))
        .filter((target) => forbidden.test(target))
        .map((target) => `${rel(file)} imports ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps each adapter from importing another adapter', () => {
    const adapters = readdirSync(path.join(SRC, 'adapters'));
    const offenders = adapters.flatMap((name) =>
      sourceFiles(path.join(SRC, 'adapters', name)).flatMap((file) =>
        importsOf(file)
          .map((spec) => resolved(file, spec))
          .filter((target) => target.startsWith('adapters/') && !target.startsWith(`adapters/${name}/`))
          .map((target) => `${rel(file)} imports ${target}`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps storage, http and jobs from importing any platform adapter', () => {
    const offenders = ['storage', 'http', 'jobs'].flatMap((layer) =>
      sourceFiles(path.join(SRC, layer)).flatMap((file) =>
        importsOf(file)
          .map((spec) => resolved(file, spec))
          .filter((target) => target.startsWith('adapters/'))
          .map((target) => `${rel(file)} imports ${target}`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps core/shared free of every domain: it imports only itself, zod and node built-ins', () => {
    const offenders = sourceFiles(path.join(SRC, 'core', 'shared')).flatMap((file) =>
      importsOf(file)
        .map((spec) => resolved(file, spec))
        .filter((target) => target.startsWith('core/') && !target.startsWith('core/shared/'))
        .map((target) => `${rel(file)} imports ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('lets a domain import another domain only through that domain’s index.ts', () => {
    const offenders = coreDomains().flatMap((domain) =>
      sourceFiles(path.join(SRC, 'core', domain)).flatMap((file) =>
        importsOf(file)
          .map((spec) => resolved(file, spec))
          .filter((target) => crossesDomainBoundary(domain, target))
          .map((target) => `${rel(file)} imports ${target}`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('gives every domain of core an index.ts of what it exports', () => {
    const missing = [...coreDomains(), 'shared'].filter(
      (domain) => !sourceFiles(path.join(SRC, 'core', domain)).some((f) => path.basename(f) === 'index.ts'),
    );
    expect(missing).toEqual([]);
  });

  it('detects a forbidden import (the check itself works)', () => {
    const fake = path.join(SRC, 'core', 'x.ts');
    expect(resolved(fake, '../storage/models.js')).toBe('storage/models.js');
    expect(resolved(fake, './shared/ids.js')).toBe('core/shared/ids.js');
    expect(crossesDomainBoundary('pools', 'core/leads/lead-types.js')).toBe(true);
    expect(crossesDomainBoundary('pools', 'core/leads/index.js')).toBe(false);
    expect(crossesDomainBoundary('pools', 'core/pools/ladder.js')).toBe(false);
    expect(crossesDomainBoundary('pools', 'core/shared/ids.js')).toBe(false);
  });
});
