/** CLI conventions: help that runs nothing, --version, exit 2 for usage errors, 1 for failures, no stack traces for user errors. */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.ts';

const COMMANDS = ['check', 'ingest', 'claims', 'extract', 'serve', 'export', 'doctor', 'repair'];
let dataDir: string;
const dyad = cli(() => ({ DYAD_DATA_DIR: dataDir, NEO4J_URI: '' }));
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dyad-cli-'));
});

describe('dyad CLI', () => {
  it('prints --version from package.json', { timeout: 60_000 }, async () => {
    const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) expect(await dyad(flag)).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('lists every command in --help; no command is a usage error', { timeout: 60_000 }, async () => {
    const help = await dyad('--help');
    expect(help.code).toBe(0);
    for (const name of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    const none = await dyad();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: dyad');
  });

  it.each(COMMANDS)('%s --help prints its usage and runs nothing', async (name) => {
    const result = await dyad(name, '--help');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^Usage: dyad ${name} `));
    // Nothing opened the store: no journal, no lock, no server record.
    expect(await readdir(dataDir)).toEqual([]);
  });

  it.each([
    [['bogus'], /unknown command 'bogus'/],
    [['claims', '--colour', 'red'], /unknown option '--colour'/],
    [['extract'], /missing required argument 'files'/],
    [['export'], /required option '-f, --format <format>' not specified/],
    [['export', '--format', 'xml'], /Allowed choices are gexf, graphml, json, csv/],
    [['export', '--format', 'csv', '--types', 'NOPE'], /export: --types: /],
    [['serve', '--port', 'http'], /a port is a number/],
  ])('exits 2 for the usage error %j', async (args, message) => {
    const result = await dyad(...(args as string[]));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('--help');
  });

  it('exits 1 with one clear line, no stack trace, when a command fails on user input', { timeout: 120_000 }, async () => {
    const out = await dyad('export', '--format', 'csv', '--out', '/nonexistent/x.csv');
    expect(out.code).toBe(1);
    expect(out.stderr).toBe("dyad: ENOENT: no such file or directory, open '/nonexistent/x.csv'\n");

    const uri = await cli(() => ({ NEO4J_URI: 'localhost:7687' }))('claims');
    expect(uri.code).toBe(1);
    expect(uri.stderr).toMatch(/^dyad: environment variable NEO4J_URI='localhost:7687': a Neo4j address with its scheme/);
    expect(uri.stderr).not.toMatch(/\n\s+at /);

    const missing = await dyad('ingest', '/nonexistent/folder');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('dyad: /nonexistent/folder: no such file or directory\n');
  });
});
