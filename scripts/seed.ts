// `npm run seed [-- --reset]`: creates the demo org in the configured database (MONGODB_URI, or the embedded one),
// greets its members in the sandbox and prints its admin API token (the one kept in DATA_DIR/demo-token, or
// DEMO_API_TOKEN). `--reset` deletes the demo org first. Refused in production: the demo org is fake.
import pino from 'pino';
import { composeApp } from '../src/config/compose-app.js';
import { demoToken } from '../src/config/demo-token.js';
import { loadConfig } from '../src/config/load-config.js';
import { startDemo } from '../src/config/start-demo.js';
import { connectDatabase } from '../src/storage/connect-database.js';
import { startDatabase } from '../src/storage/embedded-database.js';
import { ensureIndexes } from '../src/storage/models.js';

const reset = process.argv.includes('--reset');
const config = loadConfig();
if (config.NODE_ENV === 'production') {
  console.error(
    'npm run seed is refused with NODE_ENV=production: the demo org has fake members and an admin token.',
  );
  process.exit(1);
}
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
  const apiToken = await demoToken(config.dataDir, config.DEMO_API_TOKEN);
  const demo = await startDemo(app, { reset, apiToken, sampleOrders: true });
  await app.outboxPump.runNow();
  console.log(
    `${demo.created ? 'Created' : 'Kept'} the demo org (${demo.members} members) in ${database.description}`,
  );
  console.log(`API token (admin): ${demo.token}`);
} finally {
  await connection.close();
  await database.stop();
}
