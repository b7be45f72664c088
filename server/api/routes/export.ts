import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GraphFilters, Problem } from '../../domain/index.ts';
import { EXPORT_CONTENT_TYPES, ExportFormat, exportGraph } from '../../graph/export.ts';
import type { ApiContext } from '../context.ts';

const DESCRIPTIONS: Record<ExportFormat, string> = {
  gexf: 'The filtered graph as GEXF 1.3 (Gephi)',
  graphml: 'The filtered graph as GraphML',
  json: "The filtered graph in graphology's serialised form",
  csv: 'The claims behind the filtered graph as CSV (RFC 4180)',
};

export const exportRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  for (const format of ExportFormat.options) {
    const contentType = EXPORT_CONTENT_TYPES[format];
    app.get(
      `/api/export.${format}`,
      {
        schema: {
          summary: DESCRIPTIONS[format],
          tags: ['export'],
          querystring: GraphFilters,
          response: {
            200: { description: `dyad-graph.${format}, as an attachment`, content: { [contentType.split(';')[0]!]: { schema: z.string() } } },
            400: Problem,
          },
        },
      },
      async (request, reply) => {
        const body = await exportGraph(store, format, request.query);
        return reply.type(contentType).header('content-disposition', `attachment; filename="dyad-graph.${format}"`).send(body);
      },
    );
  }
};
