// `npm run seed [-- --reset]`: creates the demo org in the configured database (MONGODB_URI, or the embedded one),
// greets its members in the sandbox and prints a fresh admin API token. `--reset` deletes the demo org first.
import pino from 'pino';
import { composeApp } from '../src/config/compose-app.js';
import { loadConfig } from '../src/config/load-config.js';
import { startDemo } from '../src/config/start-demo.js';
import { connectDatabase } from '../src/storage/connect-database.js';
import { startDatabase } from '../src/storage/embedded-database.js';
import { ensureIndexes } from '../src/storage/models.js';

const reset = process.argv.includes('--reset');
const config = loadConfig();
const database = await startDatabase({
  mongodbUri: config.MONGODB_URI,
  dataDir: config.dataDir,
  embedded: config.EMBEDDED_DB,
});
const connection = await connectDatabase({
  uri: database.uri,
  ...(database.kind === 'external' ? {} : { dbName: 'leadrelay' }),
});
try {
  const app = composeApp({
    connection,
    config: { ...config, SANDBOX_ENABLED: true },
    log: pino({ level: 'warn' }),
  });
  await ensureIndexes(app.models);
  const demo = await startDemo(app, { reset, apiToken: config.DEMO_API_TOKEN });
  await app.outboxPump.runNow();
  console.log(
    `${demo.created ? 'Created' : 'Kept'} the demo org (${demo.members} members) in ${database.description}`,
  );
  console.log(`API token (admin): ${demo.token}`);
} finally {
  await connection.close();
  await database.stop();
}
