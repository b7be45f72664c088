#!/usr/bin/env -S npx tsx
/**
 * The dyad CLI: `npm run dyad -- <command> [args]`. Each command is a module in
 * server/commands exporting `run(args): Promise<number>` (the exit code).
 */
import { DyadError, InvalidInputs } from './errors.ts';

const commands: Record<string, { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number> }> }> = {
  check: { summary: 'check [dir]              validate seeds: schema, quotes verbatim, actors known', load: () => import('./commands/check.ts') },
  ingest: { summary: 'ingest [paths…]          documents + claims (or extracted claims) into the store', load: () => import('./commands/ingest.ts') },
  claims: { summary: 'claims [--document ID]   the store\'s claims as JSON Lines', load: () => import('./commands/claims.ts') },
  extract: { summary: 'extract <files…>         candidate claims from raw text as JSON Lines', load: () => import('./commands/extract.ts') },
  serve: { summary: 'serve                    API and explorer on one port (PORT, default 3000)', load: () => import('./commands/serve.ts') },
  export: { summary: 'export --format F [--out FILE] [filters]  the graph as gexf, graphml, json or csv', load: () => import('./commands/export.ts') },
  doctor: { summary: 'doctor                   check the embedded journal line by line; exit 1 when damaged', load: () => import('./commands/doctor.ts') },
  repair: { summary: 'repair                   move damaged journal entries to a side file, keep the good ones', load: () => import('./commands/repair.ts') },
};

function usage(): string {
  return ['usage: dyad <command> [args]', '', ...Object.values(commands).map((c) => `  ${c.summary}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`dyad: unknown command '${name}'\n${usage()}\n`);
    return 2;
  }
  // Data commands keep stderr for problems; the server logs at info.
  if (name !== 'serve') process.env.LOG_LEVEL ??= 'warn';
  const module = await command.load();
  return module.run(args);
}

// `dyad claims | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof InvalidInputs) for (const p of error.problems) process.stderr.write(`${p.message}\n`);
    else if (error instanceof DyadError) process.stderr.write(`dyad: ${error.message}\n`);
    else process.stderr.write(`dyad: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
