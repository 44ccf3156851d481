import { describe, expect, it } from 'vitest';
import { leadInputSchema } from '../../../src/core/leads/lead-input.js';
import { sourceSlug } from '../../../src/import/lead-values.js';

// Issue #11, item 8: the API takes the Chinese source names the importer takes, and `source` may be left out.
describe('a lead’s source', () => {
  const parse = (lead: Record<string, unknown>) =>
    leadInputSchema.safeParse({ phone: '13800000001', ...lead });

  it('maps the Chinese names the importer knows, one table for both', () => {
    for (const [name, slug] of [
      ['官网', 'website'],
      ['展会', 'event'],
      ['公众号', 'wechat'],
      [' 小程序 ', 'miniprogram'],
    ] as const) {
      expect(parse({ source: name }).data?.source).toBe(slug);
      expect(sourceSlug(name)).toBe(slug);
    }
    expect(parse({ source: 'Website' }).data?.source).toBe('website');
  });

  it('defaults to api when absent, and still refuses what is no source name', () => {
    expect(parse({}).data?.source).toBe('api');
    expect(parse({ source: '随便写的来源' }).success).toBe(false);
    expect(parse({ source: 'constructor' }).data?.source).toBe('constructor');
    expect(sourceSlug('toString')).toBe('toString');
  });
});
