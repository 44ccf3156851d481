import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/core/shared/duration.js';

const H = 3_600_000;
const M = 60_000;
const D = 24 * H;

describe('parseDuration', () => {
  it.each([
    ['25h', 25 * H],
    ['90m', 90 * M],
    ['2d', 2 * D],
    ['1d12h', D + 12 * H],
    ['1.5h', 1.5 * H],
    ['30s', 30_000],
    ['250ms', 250],
    ['1w', 7 * D],
    [' 2H ', 2 * H],
  ])('reads %j as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '   ', 'soon', '5x', 'h', '5', '1d 12h', '-1h', '1h!', '1.h'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('gives the same answer when called again after a rejected input (no state left in the pattern)', () => {
    expect(parseDuration('1d5x')).toBeUndefined();
    expect(parseDuration('90m')).toBe(90 * M);
    expect(parseDuration('90m')).toBe(90 * M);
  });
});
