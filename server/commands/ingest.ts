/** `dyad ingest [paths…]`: documents into the configured store; progress bar on a terminal, a summary line always. */
import { SingleBar } from 'cli-progress';
import { loadConfig } from '../config.ts';
import { describeSummary, ingest } from '../ingest/ingest.ts';
import { createStore } from '../store/open-store.ts';

export async function run(args: string[]): Promise<number> {
  const config = loadConfig();
  const paths = args.length > 0 ? args : [config.DYAD_SEEDS_DIR];
  const store = await createStore(config);
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} {document}', stream: process.stderr }) : undefined;
  try {
    await store.open();
    const summary = await ingest(store, {
      paths,
      seedsDir: config.DYAD_SEEDS_DIR,
      onProgress: (done, total, document) => {
        if (bar && !bar.isActive) bar.start(total, 0, { document });
        bar?.update(done, { document });
      },
    });
    bar?.stop();
    for (const r of summary.rejected) {
      process.stderr.write(`rejected ${r.document}:\n${r.problems.map((p) => `  ${p}`).join('\n')}\n`);
    }
    process.stdout.write(`${describeSummary(summary)}\n`);
    return summary.rejected.length > 0 ? 1 : 0;
  } finally {
    bar?.stop();
    await store.close();
  }
}
