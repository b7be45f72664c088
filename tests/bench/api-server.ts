/**
 * The API as `dyad serve` builds it, on a free loopback port, for the benchmark's load
 * generator: the store from the environment (NEO4J_URI or DYAD_DATA_DIR), already ingested,
 * and no rate limit (the limiter guards a real deployment; here it would answer 429s). Prints
 * its address on stdout; SIGTERM closes it.
 */
import { buildApp } from '../../server/api/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createStore } from '../../server/store/open-store.ts';

const config = loadConfig();
const store = await createStore(config);
await store.open();
const app = await buildApp({ store, config, rateLimit: false });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${address}\n`);
process.once('SIGTERM', () => {
  void app
    .close()
    .then(() => store.close())
    .then(() => process.exit(0));
});
