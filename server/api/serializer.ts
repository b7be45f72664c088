/**
 * Responses serialised by their route's zod schema, compiled once per route into
 * fast-json-stringify through the schema's JSON Schema (its input side: defaults are filled,
 * keys the schema does not declare are left out, a missing required field fails the response
 * with a 500). The data was checked where it entered: request input by the route's schemas,
 * store rows by the store's row schemas; parsing a large graph again with zod on every response
 * was a third of a hub neighbourhood's JavaScript time. A schema JSON Schema cannot state falls
 * back to parsing with zod, then JSON.stringify. A held answer (server/store/read-cache.ts: the
 * same unchanged object for every request until the next write) is written once per route and
 * its text reused: a hub's depth-2 neighbourhood is most of a megabyte of JSON (its bytes, plain and
 * compressed, are made once too: held-responses.ts).
 */
import type { FastifySchemaCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import fastJson from 'fast-json-stringify';
import { z } from 'zod';
import { isHeld } from '../store/read-cache.ts';

type RouteSchema = z.ZodType | { properties: z.ZodType };

function compiled(schema: z.ZodType): ((data: unknown) => string) | undefined {
  try {
    const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-7' });
    return fastJson(json as Parameters<typeof fastJson>[0]);
  } catch {
    return undefined;
  }
}

export const serializerCompiler = ({ schema, method, url }: Parameters<FastifySchemaCompiler<RouteSchema>>[0]) => {
  const zodSchema = schema instanceof z.ZodType ? schema : schema.properties;
  const stringify = compiled(zodSchema);
  const written = new WeakMap<object, string>();
  return (data: unknown): string => {
    // A missing required field throws here: a 500, as any bug.
    if (stringify && isHeld(data)) {
      let text = written.get(data);
      if (text === undefined) written.set(data, (text = stringify(data)));
      return text;
    }
    if (stringify) return stringify(data);
    const result = zodSchema.safeParse(data);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
};
