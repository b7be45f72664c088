/**
 * `npm run neo4j:start` beside a busy 7687: it takes a free port (and says so), refuses a busy
 * NEO4J_PORT by name, and when Neo4j itself cannot start it prints the launcher's real error.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choosePort, DEFAULT_BOLT_PORT, freePort, javaAvailable, launcherError, portFree, startNeo4j } from '../../../../server/store/neo4j/launcher/run.ts';

const listening: Server[] = [];
/** Occupies `port` on loopback, unless something (another Neo4j) already does. */
async function occupy(port: number): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve) => {
    server.once('error', () => resolve());
    server.listen(port, '127.0.0.1', () => {
      listening.push(server);
      resolve();
    });
  });
}

let busy: number;
beforeAll(async () => {
  await occupy(DEFAULT_BOLT_PORT);
  busy = await freePort();
  await occupy(busy);
});
afterAll(async () => {
  await Promise.all(listening.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('neo4j:start port choice', () => {
  it('takes a free port when 7687 is busy, and says so', async () => {
    expect(await portFree(DEFAULT_BOLT_PORT)).toBe(false);
    const { port, note } = await choosePort(undefined);
    expect(port).not.toBe(DEFAULT_BOLT_PORT);
    expect(await portFree(port)).toBe(true);
    expect(note).toContain(`${DEFAULT_BOLT_PORT} is in use`);
  });

  it('refuses a busy NEO4J_PORT by name, and a NEO4J_PORT that is no port', async () => {
    await expect(choosePort(String(busy))).rejects.toThrow(`NEO4J_PORT ${busy} is in use`);
    await expect(choosePort('bolt')).rejects.toThrow("NEO4J_PORT='bolt' is not a port");
  });

  it('keeps the cause and drops the stack when the launcher fails', () => {
    const log = 'starting\nException in thread "main" java.lang.RuntimeException: boom\n\tat a.b(C.java:1)\nCaused by: java.net.BindException: Address already in use\n\tat d.e(F.java:2)\n';
    expect(launcherError(log)).toBe('Exception in thread "main" java.lang.RuntimeException: boom\nCaused by: java.net.BindException: Address already in use');
  });

  it("prints the launcher's real error when Neo4j cannot bind its port", { timeout: 300_000 }, async ({ skip }) => {
    if (!(await javaAvailable())) return skip('no Java here');
    const error: Error = await startNeo4j({ port: busy }).then(
      async (neo4j) => {
        await neo4j.stop();
        return new Error('Neo4j started on a busy port');
      },
      (e: Error) => e,
    );
    expect(error.message).toMatch(/exited \(\d+\) before Bolt opened/);
    expect(error.message).toMatch(/already in use|BindException/i);
  });
});
