import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { newTokenSecret } from '../core/org/api-tokens.js';

export const DEMO_TOKEN_FILE = 'demo-token';

/**
 * The demo org's admin token, the same across restarts of one DATA_DIR (scripts that saved it keep working):
 * DEMO_API_TOKEN when set, else the one kept in `DATA_DIR/demo-token` (readable by this user only), made on first use.
 */
export async function demoToken(dataDir: string, fixed?: string): Promise<string> {
  if (fixed) return fixed;
  const file = path.join(dataDir, DEMO_TOKEN_FILE);
  const kept = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (kept?.trim()) return kept.trim();
  const secret = newTokenSecret();
  // With an external MongoDB nothing else may have made DATA_DIR yet.
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  // 'wx' refuses to overwrite: two processes starting at once on one DATA_DIR must not end with different tokens.
  try {
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readFile(file, 'utf8')).trim();
  }
}
