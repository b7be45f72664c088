/**
 * vitest globalSetup: one real Neo4j for the whole run, provided to tests as `neo4jUri`.
 * NEO4J_URI set → that server. Else, with Java, the launcher (server/store/neo4j/launcher)
 * starts Neo4j 5.26 on a free loopback port with a throw-away data folder (the first run
 * downloads Neo4j from Maven Central). Without Java: CI fails loudly; locally the Neo4j
 * cases skip, saying why.
 */
import type { TestProject } from 'vitest/node';
import { javaAvailable, type RunningNeo4j, startNeo4j } from '../../server/store/neo4j/launcher/run.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Bolt URI of the test Neo4j, or '' when there is none. */
    neo4jUri: string;
    /** Why there is no Neo4j, when there is none. */
    neo4jMissing: string;
  }
}

let running: RunningNeo4j | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (process.env.NEO4J_URI) {
    project.provide('neo4jUri', process.env.NEO4J_URI);
    project.provide('neo4jMissing', '');
    return;
  }
  const missing = async (reason: string) => {
    if (process.env.CI === 'true') throw new Error(`Neo4j is required in CI: ${reason}`);
    console.warn(`[neo4j] ${reason}: the Neo4j store cases are skipped`);
    project.provide('neo4jUri', '');
    project.provide('neo4jMissing', reason);
  };
  if (!(await javaAvailable())) return missing('no Java here to start Neo4j (set NEO4J_URI to use a running one)');
  const started = Date.now();
  try {
    running = await startNeo4j({ log: (line) => console.log(`[neo4j] ${line}`) });
  } catch (error) {
    return missing(`Neo4j did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  console.log(`[neo4j] ${running.uri} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('neo4jUri', running.uri);
  project.provide('neo4jMissing', '');
}

export async function teardown(): Promise<void> {
  await running?.stop();
}
