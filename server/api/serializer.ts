/**
 * Response serialisation checked by parsing against the route's zod schema, then
 * JSON.stringify. fastify-type-provider-zod's own serializer *encodes* (zod 4.2), and the
 * domain schemas read YAML leniently with z.preprocess, which zod cannot run backwards:
 * a document with a date would fail to serialise. The check still rejects (500) a
 * response that breaks its schema, and strips keys the schema does not declare.
 */
import type { FastifySchemaCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

type RouteSchema = z.ZodType | { properties: z.ZodType };

export const serializerCompiler =
  ({ schema, method, url }: Parameters<FastifySchemaCompiler<RouteSchema>>[0]) =>
  (data: unknown): string => {
    const zodSchema = schema instanceof z.ZodType ? schema : schema.properties;
    const result = zodSchema.safeParse(data);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
