import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/import-error.js';
import { parseImportArgs } from '../../src/import/parse-import-args.js';

describe('parseImportArgs', () => {
  it('takes defaults, and the token and URL from the environment', () => {
    const env = { LEADRELAY_API_TOKEN: 'lr_env', LEADRELAY_URL: 'https://leads.example.com/' };
    expect(parseImportArgs(['leads.xlsx'], env)).toEqual({
      kind: 'leads',
      file: 'leads.xlsx',
      url: 'https://leads.example.com',
      token: 'lr_env',
      source: 'import',
      chunk: 500,
      dryRun: false,
      lang: 'en',
    });
    // The report's language: --lang, else LEADRELAY_LANG, else zh-CN in a Chinese terminal.
    expect(parseImportArgs(['a.csv', '--dry-run'], { LANG: 'zh_CN.UTF-8' })).toHaveProperty('lang', 'zh-CN');
    expect(
      parseImportArgs(['a.csv', '--dry-run', '--lang', 'en'], { LEADRELAY_LANG: 'zh-CN' }),
    ).toHaveProperty('lang', 'en');
    expect(() => parseImportArgs(['a.csv', '--dry-run', '--lang', 'fr'], {})).toThrow(ImportError);
    expect(parseImportArgs(['leads.xlsx', '--dry-run'], {})).toHaveProperty('url', 'http://localhost:3000');
  });

  it('lets options win over the environment and maps a Chinese --source', () => {
    const args = ['a.csv', '--token', 'lr_flag', '--url', 'http://127.0.0.1:9', '--strategy', 'pool'];
    expect(
      parseImportArgs([...args, '--source', '展会', '--chunk', '1000'], { LEADRELAY_API_TOKEN: 'x' }),
    ).toEqual({
      kind: 'leads',
      file: 'a.csv',
      url: 'http://127.0.0.1:9',
      token: 'lr_flag',
      strategy: 'pool',
      source: 'event',
      chunk: 1000,
      dryRun: false,
      lang: 'en',
    });
  });

  it('needs no token for a dry run, and asks for one otherwise', () => {
    expect(parseImportArgs(['a.csv', '--dry-run'], {})).toMatchObject({ dryRun: true });
    expect(() => parseImportArgs(['a.csv'], {})).toThrow(/set --token or LEADRELAY_API_TOKEN/);
  });

  it.each([
    [[], /give exactly one file/],
    [['a.csv', 'b.csv'], /give exactly one file/],
    [['a.csv', '--colour'], /Unknown option '--colour'/],
    [['a.csv', '--strategy', 'fastest'], /--strategy fastest is not one of round_robin/],
    [['a.csv', '--chunk', '0'], /--chunk must be 1–1000/],
    [['a.csv', '--chunk', '1001'], /--chunk must be 1–1000/],
    [['a.csv', '--url', 'localhost:3000'], /is not an http\(s\) URL/],
    [['a.csv', '--source', '朋友介绍'], /--source 朋友介绍: a source name such as website/],
  ])('refuses %j with a message saying what to fix', (argv, message) => {
    expect(() => parseImportArgs([...argv, '--dry-run'], {})).toThrow(ImportError);
    expect(() => parseImportArgs([...argv, '--dry-run'], {})).toThrow(message);
  });

  it('answers --help before anything else', () => {
    expect(parseImportArgs(['--help'], {})).toEqual({ help: true });
  });

  it('takes --kind orders, and refuses the lead-only options with it and an unknown kind', () => {
    const env = { LEADRELAY_API_TOKEN: 'lr_x' };
    expect(parseImportArgs(['--kind', 'orders', 'o.csv'], env)).toMatchObject({
      kind: 'orders',
      file: 'o.csv',
    });
    expect(() => parseImportArgs(['--kind', 'orders', '--strategy', 'weighted', 'o.csv'], env)).toThrow(
      /--strategy and --source are for leads/,
    );
    expect(() => parseImportArgs(['--kind', 'deals', 'o.csv'], env)).toThrow(/not one of leads, orders/);
  });
});
