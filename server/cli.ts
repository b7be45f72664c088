#!/usr/bin/env node
/**
 * The dyad CLI (`dyad <command>`, or `npm run dyad -- <command>` in a checkout). Commander parses
 * arguments and writes help; each command's module is loaded only when it runs, so `--help`
 * never touches a store. Exit codes: 0 done, 1 failed, 2 usage error (as for an unknown command).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { z } from 'zod';
import { GraphFilters } from './domain/index.ts';
import { ExportFormat } from './graph/export.ts';
import { printError } from './cli-errors.ts';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** A command's exit code becomes the process's. */
const exitWith = (code: number) => {
  process.exitCode = code;
};

/** Values the parser cannot type-check itself, checked against a schema: a failure is a usage error (exit 2). */
function parseUsage<S extends z.ZodType>(command: Command, schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  return command.error(`${command.name()}: ${issue.path.length ? `--${String(issue.path[0])}: ` : ''}${issue.message}`, { exitCode: 2 });
}

function parsePort(value: string): string {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('a port is a number from 0 to 65535.');
  return value;
}

function parseBatchSize(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 10_000) throw new InvalidArgumentError('a batch is 1 to 10000 documents.');
  return Number(value);
}

/** Every option and argument of every command; actions run only after parsing succeeded. */
function buildProgram(): Command {
  const program = new Command('dyad')
    .description('Evidence-first explorer of relationships between political and militant actors')
    .version(version, '-V, --version')
    .showHelpAfterError('(dyad <command> --help shows its usage)')
    .addHelpText('after', '\nConfiguration comes from the environment (PORT, DYAD_DATA_DIR, DYAD_SEEDS_DIR, NEO4J_URI, …); see the README.')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`dyad: ${text.replace(/^error: /, '')}`) });

  program
    .command('check')
    .description("validate a seeds folder: schema, every quote verbatim, every actor known (the gazetteer is DYAD_SEEDS_DIR's, extended by DIR/actors.yaml)")
    .argument('[dir]', 'the folder to check (default: DYAD_SEEDS_DIR)')
    .action(async (dir?: string) => exitWith(await (await import('./commands/check.ts')).run({ dir })));

  program
    .command('ingest')
    .description('documents and their claims (or extracted ones) into the store, each document whole or not at all')
    .argument('[paths...]', 'folders (every *.txt) or .txt files (default: DYAD_SEEDS_DIR)')
    .option('--server <url>', 'send the documents to this running dyad server (found automatically for a local one holding the embedded store)')
    .option('--local', 'open the store here even if a local server is running')
    .option('--batch-size <documents>', 'documents per store round trip (default 250)', parseBatchSize)
    .action(async (paths: string[], options: { server?: string; local?: boolean; batchSize?: number }) =>
      exitWith(await (await import('./commands/ingest.ts')).run({ paths, ...options })),
    );

  program
    .command('neo4j-import')
    .description(
      "documents, prepared as ingest prepares them, as neo4j-admin CSV files for an empty Neo4j; imported into dyad's local Neo4j (npm run neo4j:start's, stopped and empty), which is then started with the schema online",
    )
    .argument('[paths...]', 'folders (every *.txt) or .txt files (default: DYAD_SEEDS_DIR)')
    .requiredOption('-o, --out <dir>', 'an empty folder for the CSV files')
    .option('--files-only', 'only write the files (for a Neo4j dyad does not run: its neo4j-admin imports them, see the README)')
    .option('--finish', 'the files in --out were imported into NEO4J_URI: apply the schema and wait for the indexes')
    .action(async (paths: string[], options: { out: string; filesOnly?: boolean; finish?: boolean }) =>
      exitWith(await (await import('./commands/neo4j-import.ts')).run({ paths, ...options })),
    );

  program
    .command('claims')
    .description("the store's claims as JSON Lines")
    .option('-d, --document <id>', "only this document's claims")
    .action(async (options: { document?: string }) => exitWith(await (await import('./commands/claims.ts')).run(options)));

  program
    .command('extract')
    .description('candidate claims from raw text as JSON Lines (a <stem>.meta.yaml beside a file gives its body rule); writes nothing')
    .argument('<files...>', 'text files')
    .action(async (files: string[]) => exitWith(await (await import('./commands/extract.ts')).run({ files })));

  program
    .command('serve')
    .description('the API and the explorer on one port; an empty store is filled from the seeds first')
    .addOption(new Option('-p, --port <port>', 'port (default: PORT or 3000; 0 picks a free one)').argParser(parsePort))
    .option('--host <host>', 'interface (default: HOST or 0.0.0.0)')
    .action(async (options: { port?: string; host?: string }) => exitWith(await (await import('./commands/serve.ts')).run(options)));

  const exportCommand = program
    .command('export')
    .description('the filtered graph as GEXF, GraphML or JSON, or its claims as CSV; or the store as a seeds folder (--format seeds --out DIR)')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...ExportFormat.options, 'seeds']).makeOptionMandatory())
    .option('-o, --out <file>', 'write to this file (default: stdout); for seeds, the folder');
  // The API's graph filters, spelled as flags; a flag given twice is a list.
  for (const name of Object.keys(GraphFilters.shape))
    exportCommand.option(`--${name} <value>`, `filter, as the API's ${name}=`, (value: string, previous?: string | string[]) =>
      previous === undefined ? value : [...[previous].flat(), value],
    );
  exportCommand.action(async ({ format, out, ...flags }: Record<string, string | string[]>, command: Command) => {
    const filters = parseUsage(command, GraphFilters, flags);
    if (format === 'seeds') {
      // A seeds folder holds whole documents: only the choice of documents applies.
      const { documents, ...others } = filters;
      const other = Object.keys(others).find((name) => others[name as keyof typeof others] !== undefined);
      if (other) return command.error(`export: --${other} does not apply to --format seeds (only --documents does)`, { exitCode: 2 });
      if (typeof out !== 'string') return command.error('export: --format seeds needs --out DIR', { exitCode: 2 });
      return exitWith(await (await import('./commands/export.ts')).runSeeds({ out, documents }));
    }
    exitWith(await (await import('./commands/export.ts')).run({ format: format as ExportFormat, out: out as string | undefined, filters }));
  });

  program
    .command('doctor')
    .description('check the embedded journal line by line; exit 1 when an entry is damaged')
    .action(async () => exitWith(await (await import('./commands/doctor.ts')).run()));

  program
    .command('repair')
    .description('move damaged journal entries to a side file beside the journal, keeping the good ones')
    .action(async () => exitWith(await (await import('./commands/repair.ts')).run()));

  return program;
}

/** Runs the CLI and answers its exit code; every error leaves through printError. */
async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return 2;
  }
  // Data commands keep stderr for problems; the server logs at info.
  if (argv[0] !== 'serve') process.env.LOG_LEVEL ??= 'warn';
  try {
    await program.parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    return printError(error);
  }
}

// `dyad claims | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
