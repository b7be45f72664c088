/** seeds/actors.yaml: schema, unique ids, and no alias that names two actors. */
import { Gazetteer } from '../domain/index.ts';
import { InvalidInput } from '../errors.ts';
import { AliasIndex, compactName } from './alias-index.ts';
import { readYamlFile } from './yaml-file.ts';

export async function loadGazetteer(path: string): Promise<{ index: AliasIndex; problems: InvalidInput[] }> {
  const file = await readYamlFile(path, Gazetteer);
  if (!file.value) return { index: new AliasIndex([]), problems: file.problems };
  const problems: InvalidInput[] = [];
  const at = (i: number, message: string) =>
    new InvalidInput(`${path}:${file.lineAt(['actors', i])}: ${message}`, { file: path, line: file.lineAt(['actors', i]) });
  const seen = new Map<string, number>();
  const owner = new Map<string, string>();
  file.value.actors.forEach((actor, i) => {
    if (seen.has(actor.id)) problems.push(at(i, `duplicate actor id '${actor.id}' (first at actors[${seen.get(actor.id)}])`));
    seen.set(actor.id, i);
    for (const name of new Set([actor.name, ...actor.aliases].map(compactName))) {
      const other = owner.get(name);
      if (other && other !== actor.id) problems.push(at(i, `'${name}' names both '${other}' and '${actor.id}': an alias must name one actor`));
      owner.set(name, actor.id);
    }
  });
  return { index: new AliasIndex(file.value.actors), problems };
}
