/** A seeds directory as a whole: gazetteer, documents and claims, checked together. */
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InvalidInput } from '../errors.ts';
import type { AliasIndex } from './alias-index.ts';
import { discoverDocuments, type Extractor, type Prepared, prepareDocument, type SourceFiles } from './corpus.ts';
import { gazetteerFiles, loadGazetteer } from './gazetteer.ts';

export interface CheckedDocument {
  files: SourceFiles;
  prepared: Prepared;
}

export interface SeedDirCheck {
  index: AliasIndex;
  documents: CheckedDocument[];
  /** Problems not tied to one document: gazetteer, orphan claim files. */
  problems: InvalidInput[];
}

/**
 * Loads everything under `dir` (or the given document paths) and collects every problem. The
 * gazetteer is `seedsDir`'s, extended by `dir`'s own actors.yaml (server/ingest/gazetteer.ts).
 */
export async function checkSeeds(dir: string, paths: string[] = [dir], extractor?: Extractor, seedsDir = dir): Promise<SeedDirCheck> {
  const [gazetteerPath, ...extensions] = await gazetteerFiles(seedsDir, [dir]);
  const { index, problems } = await loadGazetteer(gazetteerPath, ...extensions).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return { index: undefined, problems: [new InvalidInput(`${gazetteerPath}: the actor gazetteer is missing`, { file: gazetteerPath })] };
    throw e;
  });
  if (!index) throw problems[0]!;
  const sources = await discoverDocuments(paths);
  const documents: CheckedDocument[] = [];
  for (const files of sources) documents.push({ files, prepared: await prepareDocument(files, index, extractor) });

  const known = new Set(sources.map((s) => s.id));
  const claimsDir = join(dir, 'claims');
  const claimFiles = await readdir(claimsDir).catch(() => [] as string[]);
  if (paths.length === 1 && paths[0] === dir) {
    for (const name of claimFiles.filter((n) => n.endsWith('.yaml'))) {
      const id = basename(name, '.yaml');
      if (!known.has(id)) problems.push(new InvalidInput(`${join(claimsDir, name)}: no document ${id}.txt for these claims`, { file: join(claimsDir, name) }));
    }
  }
  return { index, documents, problems };
}
