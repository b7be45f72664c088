/**
 * `dyad export --format gexf|graphml|json|csv [--out FILE] [--documents a,b] [--<filter> value]…`:
 * the filtered graph (or, as CSV, its claims) to stdout or a file. The filters are the
 * API's (GraphFilters), spelled as flags.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { GraphFilters } from '../domain/index.ts';
import { InvalidInput } from '../errors.ts';
import { ExportFormat, exportGraph } from '../graph/export.ts';
import { parseOrThrow } from '../validate.ts';
import { createStore } from '../store/open-store.ts';

const FILTER_FLAGS = Object.fromEntries(Object.keys(GraphFilters.shape).map((name) => [name, { type: 'string' as const, multiple: true }]));

function parseFlags(args: string[]) {
  try {
    return parseArgs({
      args,
      options: { format: { type: 'string' }, out: { type: 'string' }, ...FILTER_FLAGS },
      allowPositionals: false,
      strict: true,
    }).values;
  } catch (error) {
    // node:util names the flag in its message ("Unknown option '--colour'").
    const flag = /'(-[^']+)'/.exec((error as Error).message)?.[1];
    throw new InvalidInput(`export: ${(error as Error).message}`, flag ? { parameter: flag.replace(/^-+/, '') } : {});
  }
}

export async function run(args: string[]): Promise<number> {
  const { format: formatFlag, out, ...filterFlags } = parseFlags(args);
  const { format } = parseOrThrow(z.object({ format: ExportFormat }), { format: formatFlag });
  // A flag given once is one value, as in a query string; given again, a list.
  const filters = parseOrThrow(
    GraphFilters,
    Object.fromEntries(Object.entries(filterFlags).map(([name, values]) => [name, (values as string[]).length === 1 ? (values as string[])[0] : values])),
  );

  const store = await createStore(loadConfig());
  try {
    await store.open();
    const text = await exportGraph(store, format, filters);
    if (out) await writeFile(out, text);
    else process.stdout.write(text);
    return 0;
  } finally {
    await store.close();
  }
}
