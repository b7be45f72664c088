/**
 * `dyad extract <files…>`: candidate claims from raw text as JSON Lines, one claim a line,
 * actors expanded. Reads the gazetteer as ingest does (DYAD_SEEDS_DIR's, extended by an actors.yaml
 * beside the files) and, when a <stem>.meta.yaml stands beside a file, its body rule. Writes nothing.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { type Actor, type ActorRef, ClaimLine, DocumentMeta, type Span } from '../domain/index.ts';
import { loadConfig } from '../config.ts';
import { InvalidInput, InvalidInputs } from '../errors.ts';
import { articleBody } from '../ingest/article-body.ts';
import { extract } from '../ingest/extract/index.ts';
import { gazetteerFiles, loadGazetteer } from '../ingest/gazetteer.ts';
import { readYamlFile } from '../ingest/yaml-file.ts';

export async function run({ files }: { files: string[] }): Promise<number> {
  const { index, problems } = await loadGazetteer(...(await gazetteerFiles(loadConfig().DYAD_SEEDS_DIR, files)));
  if (problems.length > 0) throw new InvalidInputs(problems);

  // Every file is read and checked before anything is printed: a bad one names itself and stops the run.
  const documents = [];
  for (const path of files) documents.push(await readDocument(path));
  for (const { document, text, body } of documents) {
    const { claims, actors } = extract({ document, text, body }, index);
    const discovered = new Map(actors.map((a) => [a.id, a]));
    const ref = (id: string): ActorRef => {
      const actor: Actor | undefined = index.get(id) ?? discovered.get(id);
      if (!actor) throw new InvalidInput(`extractor named unknown actor '${id}'`);
      return { id: actor.id, name: actor.name, kind: actor.kind, aliases: actor.aliases };
    };
    for (const claim of claims) {
      const line = ClaimLine.parse({ ...claim, subject: ref(claim.subject), object: ref(claim.object) });
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
  }
  return 0;
}

async function readDocument(path: string): Promise<{ document: string; text: string; body: Span[] }> {
  const document = basename(path, extname(path));
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.includes(0)) throw new Error('not a text file');
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new InvalidInput(`${path}: ${reason}`, { file: path });
  }
  const metaPath = join(dirname(path), `${document}.meta.yaml`);
  const meta = await readYamlFile(metaPath, DocumentMeta).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  if (meta && meta.problems.length > 0) throw new InvalidInputs(meta.problems);
  const body = articleBody(text, meta?.value?.body);
  if ('error' in body) throw new InvalidInput(`${metaPath}: ${body.error}`, { file: metaPath });
  return { document, text, body: body.spans };
}
