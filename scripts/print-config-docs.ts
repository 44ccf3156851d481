// Prints the README's configuration table and the .env.example body from the zod schema's SETTINGS, so docs are
// regenerated rather than hand-edited: `npx tsx scripts/print-config-docs.ts readme|env`.
import { SETTINGS } from '../src/config/config-schema.js';

const mode = process.argv[2];
const rows = Object.entries(SETTINGS);
if (mode === 'readme') {
  console.log('| variable | default | meaning |\n|---|---|---|');
  for (const [key, s] of rows) console.log(`| \`${key}\` | \`${s.default}\` | ${s.doc} |`);
} else if (mode === 'env') {
  console.log(
    '# Leadrelay configuration. Every variable is optional: with none set, `npm start` runs the embedded demo.',
  );
  for (const [key, s] of rows)
    console.log(`\n# ${s.doc.replaceAll('`', '')}\n# ${key}=${s.default.startsWith('(') ? '' : s.default}`);
} else {
  console.error('usage: tsx scripts/print-config-docs.ts readme|env');
  process.exit(2);
}
