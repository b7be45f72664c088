/**
 * neo4j-admin's offline bulk import (`neo4j-admin database import full`) with the launcher's
 * own Neo4j: its classpath (run.ts, buildLauncher) holds neo4j-import-tool and
 * neo4j-command-line, whose entry point is org.neo4j.cli.AdminTool. The target is a Neo4j home
 * as the launcher uses it (the database under data/databases/neo4j), which must not hold a
 * database yet; startNeo4j({ dataDir: home }) then serves what was imported.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidInput } from '../../../errors.ts';
import { buildLauncher, launcherError } from './run.ts';

/** The importer's heap and off-heap memory: modest, beside other work on a small machine. */
const HEAP = '-Xmx1g';
const OFF_HEAP = '1g';

export interface AdminImportOptions {
  /** The Neo4j home to import into (created if absent; must hold no database). */
  home: string;
  /** The folder of the CSV files: `args` name them relative to it. */
  dir: string;
  /** neo4j-admin database import full's options (ImportManifest.args). */
  args: string[];
  log?: (line: string) => void;
}

/** True when `home` holds no database yet. */
export const freshHome = (home: string): boolean => !existsSync(join(home, 'data', 'databases', 'neo4j'));

/** Runs the import; fails with neo4j-admin's own error lines (which name the bad file). */
export async function adminImport({ home, dir, args, log }: AdminImportOptions): Promise<void> {
  if (!freshHome(home)) throw new InvalidInput(`${home} holds a database already: a bulk import needs a fresh one`, { file: home });
  const classpath = await buildLauncher(log);
  const conf = join(home, 'conf');
  await mkdir(conf, { recursive: true });
  const command = [HEAP, '-cp', classpath, 'org.neo4j.cli.AdminTool', 'database', 'import', 'full'];
  const options = [...args, '--verbose', `--max-off-heap-memory=${OFF_HEAP}`, `--report-file=${join(dir, 'import.report')}`, 'neo4j'];
  const child = spawn('java', [...command, ...options], { cwd: dir, env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`neo4j-admin database import full failed (exit ${code}):\n${launcherError(output)}`);
  log?.(output.split('\n').filter((line) => /IMPORT DONE|Imported|nodes|relationships|properties/.test(line)).join('\n'));
}
