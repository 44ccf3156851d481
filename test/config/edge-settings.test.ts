import { describe, expect, it } from 'vitest';
import { edgeSettings } from '../../src/config/edge-settings.js';
import { DEFAULT_IMPORT_LIMITS, importLimitsOf } from '../../src/import/import-limits.js';

describe('edgeSettings', () => {
  it('takes the config table defaults for what is not given, and the import defaults agree with them', () => {
    expect(importLimitsOf(edgeSettings())).toEqual(DEFAULT_IMPORT_LIMITS);
    expect(edgeSettings({ IMPORT_MAX_ROWS: '10', PORT: '1' }).IMPORT_MAX_ROWS).toBe(10);
  });

  it('names a bad setting', () => {
    expect(() => edgeSettings({ RATE_LIMIT_IP_PER_MINUTE: '0' })).toThrow(/^RATE_LIMIT_IP_PER_MINUTE: /);
  });
});
