/** The graph tests/bench/explorer.ts answers for /api/graph: generated, deterministic. */
import { ActorKind, RelationType, type SerializedGraph } from '../../server/domain/index.ts';

/** A deterministic graph with heavy-tailed degrees (a few hubs, a long tail). */
export function generateGraph(actors: number, relations: number): SerializedGraph {
  let seed = 42;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const pick = () => Math.floor(actors * random() ** 2.2);
  const nodes = Array.from({ length: actors }, (_, i) => ({
    key: `actor-${i}`,
    attributes: { name: `Actor ${i}`, kind: ActorKind.options[i % ActorKind.options.length]!, aliases: [], claims: 1 },
  }));
  const edges = new Map<string, SerializedGraph['edges'][number]>();
  while (edges.size < relations) {
    const [s, t] = [pick(), Math.floor(actors * random())];
    if (s === t) continue;
    const type = RelationType.options[Math.floor(random() * RelationType.options.length)]!;
    const key = `actor-${s}|${type}|actor-${t}`;
    const claims = 1 + Math.floor(random() * 4);
    edges.set(key, {
      key,
      source: `actor-${s}`,
      target: `actor-${t}`,
      attributes: {
        type,
        symmetric: false,
        claims,
        documents: ['bench'],
        certainty: { asserted: claims, reported: 0, alleged: 0, speculative: 0, denied: 0 },
        supporting: 1,
        denying: 0,
        contested: false,
        firstWhen: String(2000 + Math.floor(random() * 25)),
      },
    });
  }
  for (const e of edges.values()) nodes[Number(e.source.slice(6))]!.attributes.claims += e.attributes.claims;
  return {
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    attributes: { truncated: false, omittedNodes: 0, omittedEdges: 0 },
    nodes,
    edges: [...edges.values()],
  };
}
