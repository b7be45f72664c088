/**
 * The actor gazetteer: schema, unique ids, and no alias that names two actors.
 *
 * One rule for `check`, `ingest` and the server: the gazetteer is DYAD_SEEDS_DIR/actors.yaml,
 * extended by the actors.yaml of every folder being checked or ingested (a folder given, or the
 * folder of a .txt given). An extension adds actors; it may not redefine one the seeds have
 * (repeating one unchanged is allowed).
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { type Actor, Gazetteer } from '../domain/index.ts';
import { InvalidInput } from '../errors.ts';
import { AliasIndex, compactName } from './alias-index.ts';
import { readYamlFile } from './yaml-file.ts';

/** Loads `path` and then each extension; ids and aliases are unique across all of them. */
export async function loadGazetteer(path: string, ...extensions: string[]): Promise<{ index: AliasIndex; problems: InvalidInput[] }> {
  const problems: InvalidInput[] = [];
  const actors: Actor[] = [];
  const seen = new Map<string, () => string>();
  const owner = new Map<string, string>();
  for (const file of [path, ...extensions]) {
    const gazetteer = await readYamlFile(file, Gazetteer);
    if (!gazetteer.value) {
      problems.push(...gazetteer.problems);
      continue;
    }
    // Lines are looked up only for a message: placing every actor would cost a positioned parse.
    const at = (i: number) => `${file}:${gazetteer.lineAt(['actors', i])}`;
    gazetteer.value.actors.forEach((actor, i) => {
      const problem = (message: string) => {
        const line = gazetteer.lineAt(['actors', i]);
        problems.push(new InvalidInput(`${file}:${line}: ${message}`, { file, line }));
      };
      const first = seen.get(actor.id);
      // An exported seeds folder (dyad export --format seeds) repeats the seeds' actors unchanged: that is no redefinition.
      if (first && isDeepStrictEqual(actors.find((a) => a.id === actor.id), actor)) return;
      if (first) return problem(`duplicate actor id '${actor.id}' (first at ${first()}); an extension adds actors, it does not redefine them`);
      seen.set(actor.id, () => at(i));
      actors.push(actor);
      for (const name of new Set([actor.name, ...actor.aliases].map(compactName))) {
        const other = owner.get(name);
        if (other && other !== actor.id) problem(`'${name}' names both '${other}' and '${actor.id}': an alias must name one actor`);
        owner.set(name, actor.id);
      }
    });
  }
  return { index: new AliasIndex(actors), problems };
}

/** The gazetteer files for documents under `paths`: the seeds' first, then each folder's own actors.yaml. */
export async function gazetteerFiles(seedsDir: string, paths: string[]): Promise<[string, ...string[]]> {
  const base = join(seedsDir, 'actors.yaml');
  const folders = await Promise.all(paths.map(async (p) => ((await stat(p).catch(() => undefined))?.isDirectory() ? p : dirname(p))));
  const extensions = [...new Set(folders.map((f) => join(f, 'actors.yaml')))].filter(
    (file) => resolve(file) !== resolve(base) && existsSync(file),
  );
  return [base, ...extensions];
}
