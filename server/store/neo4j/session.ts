/**
 * The only place the Neo4j store talks to the driver: named queries from cypher/<name>.cypher
 * (parameters only, never built from strings), run in managed transactions (the driver retries
 * transient failures), sessions closed in `finally`, Neo4j values turned into plain JS in one
 * function, rows checked with zod, and connection failures turned into StoreUnavailable.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import { z } from 'zod';
import { StoreUnavailable } from '../../errors.ts';

const cypherDir = fileURLToPath(new URL('../../../cypher/', import.meta.url));
const queries = new Map<string, Promise<string>>();

/** The text of cypher/<name>.cypher, read once. */
export function loadQuery(name: string): Promise<string> {
  let text = queries.get(name);
  if (!text) {
    text = readFile(`${cypherDir}${name}.cypher`, 'utf8');
    queries.set(name, text);
  }
  return text;
}

/** The schema statements, cypher/schema/*.cypher, by name in file order. */
export async function schemaQueries(): Promise<string[]> {
  const files = (await readdir(`${cypherDir}schema`)).filter((f) => f.endsWith('.cypher')).sort();
  return files.map((f) => `schema/${f.slice(0, -'.cypher'.length)}`);
}

/**
 * Neo4j values as plain JS: integers become numbers, temporal values ISO strings, nodes and
 * relationships their properties. Null map entries are dropped, as absent optional fields.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  // Strings, numbers and booleans are most values: no driver type to test them against.
  if (typeof value !== 'object') return value;
  if (neo4j.isInt(value)) return value.toNumber();
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  )
    return value.toString();
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toPlain(value.properties);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const plain: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      const converted = toPlain(entry);
      if (converted !== undefined) plain[key] = converted;
    }
    return plain;
  }
  return value;
}

/** JS integers go to Neo4j as integers (list slices and offsets need them), not floats. */
export function toParameter(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toParameter);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === undefined ? null : toParameter(v)]));
  }
  return value === undefined ? null : value;
}

const UNAVAILABLE_CODES = new Set([neo4j.error.SERVICE_UNAVAILABLE, neo4j.error.SESSION_EXPIRED]);

/** Connection failures become StoreUnavailable; anything else is a bug and passes through. */
export function mapDriverError(error: unknown): unknown {
  if (error instanceof Neo4jError && UNAVAILABLE_CODES.has(error.code))
    return new StoreUnavailable(`Neo4j is unreachable: ${error.message}`);
  return error;
}

export type Params = Record<string, unknown>;

/** Runs named queries inside one transaction. */
export class Transaction {
  constructor(private readonly tx: ManagedTransaction) {}

  async run<S extends z.ZodType>(name: string, params: Params, row: S): Promise<z.infer<S>[]> {
    const result = await this.tx.run(await loadQuery(name), toParameter(params) as Params);
    return result.records.map((record) => row.parse(toPlain(record.toObject())));
  }
}

export class CypherSession {
  constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
  ) {}

  read<S extends z.ZodType>(name: string, params: Params, row: S): Promise<z.infer<S>[]> {
    return this.transaction('READ', (tx) => tx.run(name, params, row));
  }

  async write(name: string, params: Params): Promise<void> {
    await this.transaction('WRITE', (tx) => tx.run(name, params, z.unknown()));
  }

  /** Several named queries in one managed transaction: all or nothing. */
  writeTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.transaction('WRITE', work);
  }

  private async transaction<T>(mode: 'READ' | 'WRITE', work: (tx: Transaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      ...(this.database ? { database: this.database } : {}),
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      const unit = (tx: ManagedTransaction) => work(new Transaction(tx));
      return await (mode === 'READ' ? session.executeRead(unit) : session.executeWrite(unit));
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }
}
