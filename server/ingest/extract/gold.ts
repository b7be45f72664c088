/**
 * A folder of texts with a close reading, in the extract-dev format: <doc>.txt beside
 * gold/<doc>.yaml, whose claims name their actors (canonical name first, aliases as the text
 * writes them) instead of gazetteer ids. Extracted claims are compared to it relation by
 * relation: same document, type and both actors after resolution by name or alias.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { type Actor, ActorKind, type ClaimRecord, Certainty, isSymmetric, RelationType } from '../../domain/index.ts';
import { InvalidInput } from '../../errors.ts';
import { normalizeName } from '../alias-index.ts';
import { readYamlFile } from '../yaml-file.ts';

const GoldFile = z.object({
  document: z.string().min(1),
  actors: z.array(z.object({ name: z.string().min(1), kind: ActorKind, aliases: z.array(z.string()).nullish() })),
  claims: z.array(
    z.object({ subject: z.string(), type: RelationType, object: z.string(), certainty: Certainty, quote: z.string(), attributedTo: z.string().nullish() }).passthrough(),
  ),
});

export interface GoldDocument {
  document: string;
  text: string;
  /** The close reading's claims, subject and object as canonical names. */
  expected: ClaimRecord[];
}

/** "the Taliban" and "Taliban", "ISKP (Islamic State Khorasan Province)" and either part. */
function variants(name: string): string[] {
  const out = [name];
  const m = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(name);
  if (m) out.push(m[1]!, m[2]!);
  return out.map((n) => normalizeName(n).replace(/^the /, '')).filter(Boolean);
}

/** Resolves an extracted actor to a gold canonical name: a canonical name first, then an alias. */
export class GoldNames {
  private readonly canonical = new Map<string, string>();
  private readonly aliases = new Map<string, Set<string>>();

  constructor(actors: Array<{ name: string; aliases?: string[] | null }>) {
    for (const a of actors) {
      for (const v of variants(a.name)) if (!this.canonical.has(v)) this.canonical.set(v, a.name);
      for (const n of [a.name, ...(a.aliases ?? [])])
        for (const v of variants(n)) this.aliases.set(v, new Set([...(this.aliases.get(v) ?? []), a.name]));
    }
  }

  resolve(actor: Pick<Actor, 'id' | 'name' | 'aliases'>): string | undefined {
    const vs = [actor.name, ...actor.aliases, actor.id].flatMap(variants);
    for (const v of vs) if (this.canonical.has(v)) return this.canonical.get(v);
    for (const v of vs) if (this.aliases.get(v)?.size === 1) return [...this.aliases.get(v)!][0];
    for (const v of vs) if (this.aliases.has(v)) return [...this.aliases.get(v)!][0];
    return undefined;
  }
}

/** Reads every <doc>.txt of `dir` that has a gold/<doc>.yaml. Throws InvalidInput naming a bad file. */
export async function loadGoldDir(dir: string): Promise<{ documents: GoldDocument[]; names: GoldNames }> {
  const documents: GoldDocument[] = [];
  const actors: Array<{ name: string; aliases?: string[] | null }> = [];
  const golds = new Set(await readdir(join(dir, 'gold')));
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort()) {
    const document = basename(name, '.txt');
    if (!golds.has(`${document}.yaml`)) continue;
    const path = join(dir, 'gold', `${document}.yaml`);
    const file = await readYamlFile(path, GoldFile);
    if (!file.value) throw file.problems[0] ?? new InvalidInput(`${path}: unreadable`, { file: path });
    actors.push(...file.value.actors);
    const text = await readFile(join(dir, name), 'utf8');
    const expected = file.value.claims.map(
      (c): ClaimRecord => ({
        id: `${document}:${c.subject}|${c.type}|${c.object}`,
        document,
        subject: c.subject,
        type: c.type,
        object: c.object,
        certainty: c.certainty,
        ...(c.attributedTo ? { attributedTo: c.attributedTo } : {}),
        quote: c.quote,
        start: 0,
        end: text.length,
        origin: 'curated',
      }),
    );
    documents.push({ document, text, expected });
  }
  if (documents.length === 0) throw new InvalidInput(`${dir}: no <doc>.txt with a gold/<doc>.yaml`, { file: dir });
  return { documents, names: new GoldNames(actors) };
}

/** One claim per distinct relation (document, type, actors; either order when symmetric), the most confident kept. */
export function distinctRelations(claims: ClaimRecord[]): ClaimRecord[] {
  const best = new Map<string, ClaimRecord>();
  for (const c of claims) {
    const [a, b] = isSymmetric(c.type) && c.object < c.subject ? [c.object, c.subject] : [c.subject, c.object];
    const key = `${c.document}|${a}|${c.type}|${b}`;
    const seen = best.get(key);
    if (!seen || (c.confidence ?? 0) > (seen.confidence ?? 0)) best.set(key, c);
  }
  return [...best.values()];
}
