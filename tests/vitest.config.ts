import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One real Neo4j for the run (started here unless NEO4J_URI is set); the files that use
    // it wipe it, so they run one after another.
    globalSetup: ['tests/setup/neo4j.ts'],
    fileParallelism: false,
  },
});
