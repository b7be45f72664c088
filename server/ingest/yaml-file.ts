/**
 * Reads a YAML file against a zod schema; every problem names the file and line (and, for YAML
 * syntax, the column). A file is first read by js-yaml (YAML 1.2 core schema, duplicate keys
 * refused, as below), which is several times faster and is what bulk ingest of a large corpus
 * spends its time on; only a file that fails there, or fails the schema, is parsed again by
 * `yaml`, whose document keeps the source positions every message names.
 */
import { readFile } from 'node:fs/promises';
import { CORE_SCHEMA, load } from 'js-yaml';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { InvalidInput } from '../errors.ts';

export interface YamlFile<T> {
  path: string;
  value?: T;
  problems: InvalidInput[];
  /** The 1-based line where the node at `path` starts (or the nearest ancestor that exists). */
  lineAt(path: ReadonlyArray<PropertyKey>): number;
}

export async function readYamlFile<S extends z.ZodType>(path: string, schema: S): Promise<YamlFile<z.infer<S>>> {
  const source = await readFile(path, 'utf8');
  return parseYaml(path, source, schema);
}

export function parseYaml<S extends z.ZodType>(path: string, source: string, schema: S): YamlFile<z.infer<S>> {
  const fast = quickParse(source, schema);
  if (fast.success) {
    let positioned: YamlFile<z.infer<S>> | undefined;
    return { path, value: fast.data, problems: [], lineAt: (keys) => (positioned ??= positionedParse(path, source, schema)).lineAt(keys) };
  }
  return positionedParse(path, source, schema);
}

function quickParse<S extends z.ZodType>(source: string, schema: S): { success: true; data: z.infer<S> } | { success: false } {
  let raw: unknown;
  try {
    raw = load(source, { schema: CORE_SCHEMA, json: false });
  } catch {
    return { success: false };
  }
  return schema.safeParse(raw ?? null);
}

/** The slow path: `yaml`'s document with a line counter, so problems name lines. */
function positionedParse<S extends z.ZodType>(path: string, source: string, schema: S): YamlFile<z.infer<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (keys: ReadonlyArray<PropertyKey>): number => {
    for (let n = keys.length; n >= 0; n--) {
      const node = doc.getIn(keys.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const problem = (line: number, message: string) => new InvalidInput(`${path}:${line}: ${message}`, { file: path, line });
  if (doc.errors.length > 0) {
    // With prettyErrors off the errors carry offsets only (no linePos): the line counter places them.
    return {
      path,
      problems: doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return new InvalidInput(`${path}:${line}:${col}: YAML: ${e.message.split('\n')[0]}`, { file: path, line });
      }),
      lineAt,
    };
  }
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      path,
      problems: parsed.error.issues.map((issue) =>
        problem(lineAt(issue.path), `${issue.path.length ? issue.path.join('.') + ': ' : ''}${issue.message}`),
      ),
      lineAt,
    };
  }
  return { path, value: parsed.data, problems: [], lineAt };
}
