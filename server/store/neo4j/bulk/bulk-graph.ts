/**
 * The graph a transactional ingest into an empty Neo4j database builds (cypher/README.md,
 * Model and Writes), written instead as neo4j-admin CSV files: Actor, Document, Claim and
 * Rejection nodes, IN/SUBJECT/OBJECT from each claim, and one RELATION per relation holding its
 * aggregate. Every property comes from the store's own builders (../rows.ts); relation
 * aggregates are merged document by document with mergeAttributes, as the store merges a new
 * document's evidence into a stored relation; a document is checked as the store checks it
 * (checkReferences) and its rejected extracted claims left out as the store leaves them out.
 *
 * Documents and claims stream to disk as they come. Each document's relation aggregates go to
 * an external sort (relation-merge.ts, run files in a folder the caller gives and removes); at
 * the end each relation's parts are merged in the documents' order and written, and the actors'
 * rankings taken from that one pass (actor-rankings.ts). Held until the end are the actors,
 * their claim counts, the lists of the actors that may be ranked, the document ids and the claim
 * ids with their documents' numbers (claim-owners.ts, to refuse a taken id): memory follows the
 * actors and claims, not the relations.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Actor } from '../../../domain/index.ts';
import { InvalidInput } from '../../../errors.ts';
import { rowsFromClaims } from '../../../graph/relations.ts';
import type { DocumentUpsert } from '../../graph-store.ts';
import { checkReferences } from '../../upsert-checks.ts';
import { dropRejected } from '../annotations.ts';
import { actorNode, claimNode, documentNode, relationProps } from '../rows.ts';
import { ActorRankings } from './actor-rankings.ts';
import { ClaimOwners } from './claim-owners.ts';
import { ARRAY_DELIMITER, CsvTable } from './csv-table.ts';
import { RelationMerge } from './relation-merge.ts';

/** What neo4j-admin is given (paths relative to the folder) and what is set after it (finish.ts). */
export interface ImportManifest {
  /** neo4j-admin database import full's options, without the database name. */
  args: string[];
  /** Nodes whose list properties are empty lists, by label: set after the import. */
  emptyLists: Record<'Actor' | 'Document' | 'Claim', Array<{ id: string; props: Record<string, unknown[]> }>>;
  counts: { documents: number; claims: number; actors: number; relations: number; rejections: number };
}

export const MANIFEST_FILE = 'manifest.json';
/** neo4j-admin's options, one a line, for `neo4j-admin database import full $(cat import.args) neo4j` run in the folder. */
export const ARGS_FILE = 'import.args';

/** neo4j-admin's default read buffer; a longer value needs a larger one. */
const READ_BUFFER_BYTES = 4 * 2 ** 20;

export class BulkGraph {
  private readonly actors = new Map<string, Actor>();
  private readonly relations: RelationMerge;
  private readonly claimOwners = new ClaimOwners();
  private readonly rankings = new ActorRankings();
  private readonly documents = new Set<string>();
  private rejections = 0;
  private readonly tables;

  /** Files go to `dir`; the external sort's runs to `sortDir`, which the caller removes. */
  constructor(
    private readonly dir: string,
    sortDir: string,
  ) {
    this.relations = new RelationMerge(sortDir);
    const table = (name: string, keys: ConstructorParameters<typeof CsvTable>[2]) => new CsvTable(dir, name, keys);
    this.tables = {
      actors: table('actors', { id: 'Actor', labels: true }),
      documents: table('documents', { id: 'Document' }),
      claims: table('claims', { id: 'Claim' }),
      rejections: table('rejections', {}),
      in: table('claim-in', { start: 'Claim', end: 'Document' }),
      subject: table('claim-subject', { start: 'Claim', end: 'Actor' }),
      object: table('claim-object', { start: 'Claim', end: 'Actor' }),
      relations: table('relations', { start: 'Actor', end: 'Actor' }),
    };
  }

  /** The gazetteer (ingest puts it first); a later actor of the same id replaces an earlier one, as put-actors does. */
  putActors(actors: Actor[]): void {
    for (const actor of actors) this.actors.set(actor.id, actor);
  }

  /** One document, checked as the store checks it: a bad one throws InvalidInput naming it before any of it is written. */
  async putDocument(input: DocumentUpsert): Promise<number> {
    const id = input.document.id;
    if (this.documents.has(id)) throw new InvalidInput(`document '${id}' is given twice (a bulk import writes each document once)`);
    checkReferences(input, { hasActor: (actor) => this.actors.has(actor), claimOwner: (claim) => this.claimOwners.get(claim) });
    // One rejection per id, the last given (claim-rejections-put merges them by document and id).
    const rejected = [...new Map((input.rejected ?? []).map((r) => [r.id, r])).values()];
    const [{ document, claims, actors }] = dropRejected([input], rejected) as [DocumentUpsert];
    this.documents.add(id);
    this.putActors(actors);
    const { tables } = this;
    const what = `document '${id}'`;
    await tables.documents.write({ id, props: documentNode(document) }, what);
    for (const rejection of rejected) await tables.rejections.write({ props: rejection }, what);
    for (const claim of claims) {
      this.claimOwners.set(claim.id, id);
      await tables.claims.write({ id: claim.id, props: claimNode(claim) }, what);
      await tables.in.write({ start: claim.id, end: id }, what);
      await tables.subject.write({ start: claim.id, end: claim.subject }, what);
      await tables.object.write({ start: claim.id, end: claim.object }, what);
      this.rankings.countClaim(claim.subject, claim.object);
    }
    // The document is new to every relation it names: its aggregates merge into the others' at the end.
    await this.relations.add(rowsFromClaims(claims));
    this.rejections += rejected.length;
    return claims.length;
  }

  /**
   * Merges and writes the relations, then the actors (with the claim counts and rankings the store keeps:
   * `claims`, and, from RANKED_FROM relations on, `top` and `topClaims` as actor-tops.cypher ranks them),
   * closes every file and writes the manifest.
   */
  async finish(): Promise<ImportManifest> {
    const { tables } = this;
    let relations = 0;
    for await (const row of this.relations.merged()) {
      await tables.relations.write({ start: row.source, end: row.target, props: relationProps(row) }, `relation '${row.key}'`);
      this.rankings.addRelation(row);
      relations += 1;
    }
    for (const actor of this.actors.values()) {
      const { props, label } = actorNode(actor);
      await tables.actors.write({ id: actor.id, labels: ['Actor', label], props: { ...props, ...this.rankings.of(actor.id) } }, `actor '${actor.id}'`);
    }
    for (const table of Object.values(tables)) await table.close();

    const files = (table: CsvTable) => table.parts.map((part) => `${relative(this.dir, part.header)},${relative(this.dir, part.data)}`);
    const all = Object.values(tables);
    const multiline = all.some((t) => t.parts.some((p) => p.multiline));
    const longest = Math.max(...all.map((t) => t.longestValue));
    const args = [
      '--id-type=string',
      `--array-delimiter=U+${ARRAY_DELIMITER.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
      // A character may take up to 4 bytes in UTF-8.
      `--read-buffer-size=${Math.max(READ_BUFFER_BYTES, 4 * longest + 1024)}`,
      // Names and texts span lines. neo4j-admin 5.26's v2 format, which names the files that do,
      // failed on the 100k corpus ("found CR outside a text cell" at a buffer's end, in files
      // holding no CR); v1 reads every file as possibly multiline.
      ...(multiline ? ['--multiline-fields=true'] : []),
      ...files(tables.actors).map((f) => `--nodes=${f}`),
      ...files(tables.documents).map((f) => `--nodes=Document=${f}`),
      ...files(tables.claims).map((f) => `--nodes=Claim=${f}`),
      ...files(tables.rejections).map((f) => `--nodes=Rejection=${f}`),
      ...files(tables.in).map((f) => `--relationships=IN=${f}`),
      ...files(tables.subject).map((f) => `--relationships=SUBJECT=${f}`),
      ...files(tables.object).map((f) => `--relationships=OBJECT=${f}`),
      ...files(tables.relations).map((f) => `--relationships=RELATION=${f}`),
    ];
    if (tables.relations.emptyLists.length > 0 || tables.rejections.emptyLists.length > 0) throw new InvalidInput('a relation or rejection holds an empty list');
    const manifest: ImportManifest = {
      args,
      emptyLists: { Actor: tables.actors.emptyLists, Document: tables.documents.emptyLists, Claim: tables.claims.emptyLists },
      counts: { documents: this.documents.size, claims: this.claimOwners.size, actors: this.actors.size, relations, rejections: this.rejections },
    };
    await writeFile(join(this.dir, MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
    await writeFile(join(this.dir, ARGS_FILE), `${args.join('\n')}\n`);
    return manifest;
  }
}

const relative = (dir: string, path: string) => path.slice(dir.length + 1);
