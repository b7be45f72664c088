/**
 * OpenAPI 3 at /docs/json and Swagger UI at /docs, generated from the same domain zod
 * schemas that validate requests and serialise responses.
 */
import { readFileSync } from 'node:fs';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ActorDetail,
  ActorHit,
  ActorRef,
  ClaimDraft,
  ClaimView,
  HistoryEntry,
  DocumentSummary,
  EdgeAttributes,
  NodeAttributes,
  Problem,
  SerializedGraph,
  StoreHealth,
} from '../domain/index.ts';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Response shapes named once in components/schemas and referenced from every route. */
const COMPONENTS = { ActorDetail, ActorHit, ActorRef, ClaimDraft, ClaimView, HistoryEntry, DocumentSummary, EdgeAttributes, NodeAttributes, Problem, SerializedGraph, StoreHealth };
for (const [id, schema] of Object.entries(COMPONENTS)) z.globalRegistry.add(schema, { id });

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'dyad',
        description:
          'Evidence-first explorer of relationships between political and militant actors. Every edge aggregates source-cited claims; errors are application/problem+json.',
        version,
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
}
