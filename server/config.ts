/** Configuration from the environment, validated once (architecture.md, Configuration). */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { InvalidInput } from './errors.ts';

/** The seeds shipped with dyad: the checkout's seeds/, or the installed package's (same depth from server/ and its build). */
const BUNDLED_SEEDS = fileURLToPath(new URL('../seeds', import.meta.url));

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DYAD_DATA_DIR: z.string().default('./data'),
  DYAD_SEEDS_DIR: z.string().default(BUNDLED_SEEDS),
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^/]/, "a Neo4j address with its scheme, e.g. bolt://localhost:7687 or neo4j://host:7687")
    .optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().optional(),
  DYAD_API_TOKEN: z.string().min(1).optional(),
  /** The analyst DYAD_API_TOKEN names in claim history. */
  DYAD_ANALYST: z.string().trim().min(1).max(100).default('analyst'),
  /** Named tokens, one per analyst, so history names who changed what: `alice=tokA,bob=tokB`. */
  DYAD_API_TOKENS: z
    .string()
    .transform((list) => list.split(',').map((pair) => pair.trim()).filter((pair) => pair.length > 0))
    .pipe(
      z.array(
        z
          .string()
          .regex(/^[^=\s]{1,100}=\S+$/, 'each entry is name=token, e.g. alice=tokA,bob=tokB')
          .transform((pair) => {
            const at = pair.indexOf('=');
            return { analyst: pair.slice(0, at), token: pair.slice(at + 1) };
          }),
      ),
    )
    .refine((tokens) => new Set(tokens.map((t) => t.token)).size === tokens.length, 'a token is given to two analysts')
    .default([]),
  /** Origins allowed to read the API from a browser (Gephi Lite, a notebook): comma-separated; none by default. */
  DYAD_CORS_ORIGINS: z
    .string()
    .transform((list) => list.split(',').map((origin) => origin.trim()).filter((origin) => origin.length > 0))
    .pipe(z.array(z.union([z.literal('*'), z.string().url()])))
    .default([]),
  /** Answers of costly reads held until the store's next write (server/store/read-cache.ts); 0 holds none. */
  DYAD_READ_CACHE: z.coerce.number().int().min(0).max(10_000).default(32),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = z.infer<typeof Env>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    // The value helps ("NEO4J_URI='localhost:7687'"), unless it is a secret.
    const given = /PASSWORD|TOKEN/.test(name) ? undefined : cleaned[name];
    throw new InvalidInput(`environment variable ${name}${given === undefined ? '' : `='${given}'`}: ${issue.message}`, { parameter: name });
  }
  return parsed.data;
}
