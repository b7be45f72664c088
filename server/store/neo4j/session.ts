/**
 * The only place the Neo4j store talks to the driver: named queries from cypher/<name>.cypher
 * (parameters only, never built from strings), sessions closed in `finally`, Neo4j values turned
 * into plain JS in one function, rows checked with zod, and connection failures turned into
 * StoreUnavailable. Writes run in managed transactions (the driver retries transient failures);
 * a read is one query, so it runs as an auto-commit transaction: RUN and PULL in one round trip
 * instead of BEGIN, RUN, PULL and then COMMIT in a second one, retried here the same way.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import { z } from 'zod';
import { StoreUnavailable } from '../../errors.ts';

const cypherDir = fileURLToPath(new URL('../../../cypher/', import.meta.url));
const queries = new Map<string, Promise<string>>();

/**
 * The text of cypher/<name>.cypher, read once, as it is sent: without its comment lines and its
 * indentation, line breaks kept (Neo4j's error positions still name the file's lines). Every read
 * sends its query's text, which the driver writes to the socket 1,400 bytes at a time: comments
 * and indentation were a third of the neighbourhood's and half of claims.cypher's bytes. No
 * cypher/ file holds a string literal spanning lines, the one place this would change a query.
 */
export function loadQuery(name: string): Promise<string> {
  let text = queries.get(name);
  if (!text) {
    text = readFile(`${cypherDir}${name}.cypher`, 'utf8').then(compact);
    queries.set(name, text);
  }
  return text;
}

function compact(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const code = line.trimStart();
      return code.startsWith('//') ? '' : code;
    })
    .join('\n');
}

/** The schema statements, cypher/schema/*.cypher, by name in file order. */
export async function schemaQueries(): Promise<string[]> {
  const files = (await readdir(`${cypherDir}schema`)).filter((f) => f.endsWith('.cypher')).sort();
  return files.map((f) => `schema/${f.slice(0, -'.cypher'.length)}`);
}

/**
 * Neo4j values as plain JS: integers become numbers, temporal values ISO strings, nodes and
 * relationships their properties. Null map entries are dropped, as absent optional fields. A list
 * or map none of whose values changes is answered as it is, not copied: most of an answer (a hub
 * neighbourhood's relations, with the store's driver giving integers as numbers) is plain already.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  // Strings, numbers and booleans are most values: no driver type to test them against.
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let plain: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const converted = toPlain(item);
      if (plain === undefined) {
        if (converted === item) continue;
        plain = value.slice(0, i);
      }
      plain[i] = converted;
    }
    return plain ?? value;
  }
  // Maps (Cypher maps, projections) are plain objects: most of the rest of an answer.
  if (Object.getPrototypeOf(value) === Object.prototype) return plainMap(value as Record<string, unknown>);
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
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return plainMap(value.properties);
  return plainMap(value as Record<string, unknown>, true);
}

/** A map's entries as plain JS: the map itself when no value changes, unless a `copy` is asked for (another type's object). */
function plainMap(map: Record<string, unknown>, copy = false): Record<string, unknown> {
  let plain: Record<string, unknown> | undefined = copy ? {} : undefined;
  const keys = Object.keys(map);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = map[key];
    const converted = toPlain(value);
    if (plain === undefined) {
      if (converted === value && value !== undefined) continue;
      plain = {};
      for (let j = 0; j < i; j++) plain[keys[j]!] = map[keys[j]!];
    }
    if (converted !== undefined) plain[key] = converted;
  }
  return plain ?? map;
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

/** The first wait before a failed read is retried; it doubles, with jitter, as the driver's retries do. */
const FIRST_RETRY_MS = 200;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class CypherSession {
  /**
   * @param retryTimeMs how long a read that failed transiently (a server restart, a leader
   *   switch) is retried; writes take the driver's own retry time, set to the same by the store.
   */
  constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    private readonly retryTimeMs = 5_000,
  ) {}

  /** One named query in an auto-commit transaction, retried while it fails transiently. */
  async read<S extends z.ZodType>(name: string, params: Params, row: S): Promise<z.infer<S>[]> {
    return (await this.readAt(name, params, row)).rows;
  }

  /**
   * A read and the database's last committed transaction when it ended (its transaction's
   * bookmark: a read-only transaction gets the latest one). Equal commits mean no write in between,
   * by this process or any other.
   */
  async readAt<S extends z.ZodType>(name: string, params: Params, row: S): Promise<{ rows: z.infer<S>[]; commit: string }> {
    const text = await loadQuery(name);
    const parameters = toParameter(params) as Params;
    const deadline = performance.now() + this.retryTimeMs;
    for (let wait = FIRST_RETRY_MS; ; wait *= 2) {
      const session = this.driver.session({
        ...(this.database ? { database: this.database } : {}),
        defaultAccessMode: neo4j.session.READ,
      });
      let pause: number;
      try {
        const result = await session.run(text, parameters);
        const rows = result.records.map((record) => row.parse(toPlain(record.toObject())));
        return { rows, commit: session.lastBookmarks().join(' ') };
      } catch (error) {
        pause = wait * (0.8 + 0.4 * Math.random());
        if (!neo4j.isRetryableError(error) || performance.now() + pause > deadline) throw mapDriverError(error);
      } finally {
        await session.close();
      }
      await delay(pause);
    }
  }

  /** The database's last committed transaction (see readAt), in one round trip that reads nothing. */
  async latestCommit(): Promise<string> {
    return (await this.readAt('latest-commit', {}, z.unknown())).commit;
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
