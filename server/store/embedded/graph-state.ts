/**
 * The embedded store's memory: a graphology MultiDirectedGraph whose nodes are actors
 * (attributes: the Actor) and whose edges are claims (key: claim id, attributes: the
 * ClaimRecord, subject → object), so the graph indexes claims by id and by actor; a map
 * indexes them by document. Beside it the relations (RelationIndex), each relation's
 * aggregate recomputed when a document put touches it, so graph reads without claim-level
 * filters never visit claims. Mutations are synchronous, so a reader never sees half a swap.
 */
import { MultiDirectedGraph } from 'graphology';
import type { Actor, ActorRef, ClaimRecord, ClaimView, DocumentRecord } from '../../domain/index.ts';
import { relationAttributes, relationBetween } from '../../graph/aggregate.ts';
import { RelationIndex } from '../../graph/relation-index.ts';
import type { DocumentUpsert } from '../graph-store.ts';
import { checkReferences, checkUniqueActors } from '../upsert-checks.ts';

/** Evidence order: document id, then start offset, then claim id (code-unit order, as Neo4j sorts). */
export function evidenceOrder(a: ClaimRecord, b: ClaimRecord): number {
  return compare(a.document, b.document) || a.start - b.start || compare(a.id, b.id);
}

export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export class GraphState {
  readonly graph = new MultiDirectedGraph<Actor, ClaimRecord>();
  readonly documents = new Map<string, DocumentRecord>();
  readonly relations = new RelationIndex();
  private readonly claimsByDocument = new Map<string, string[]>();
  /** The claim ids of each relation, by relation key. */
  private readonly claimsByRelation = new Map<string, Set<string>>();

  actor(id: string): Actor | undefined {
    return this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : undefined;
  }

  actors(): Actor[] {
    return this.graph.mapNodes((_, actor) => actor);
  }

  /** The actors that are new or differ from the stored ones; duplicate ids are an error. */
  changedActors(actors: Actor[]): Actor[] {
    checkUniqueActors(actors);
    // Both sides went through the same schema parse, so equal actors serialise alike.
    return actors.filter((a) => JSON.stringify(this.actor(a.id)) !== JSON.stringify(a));
  }

  /** Inserts or replaces actors by id. */
  putActors(actors: Actor[]): void {
    for (const actor of actors) {
      if (this.graph.hasNode(actor.id)) this.graph.replaceNodeAttributes(actor.id, actor);
      else this.graph.addNode(actor.id, actor);
    }
  }

  /** The checks the schemas cannot make (upsert-checks.ts), against what this state holds. */
  checkReferences(upsert: DocumentUpsert): void {
    checkReferences(upsert, {
      hasActor: (id) => this.graph.hasNode(id),
      claimOwner: (id) => (this.graph.hasEdge(id) ? this.graph.getEdgeAttributes(id).document : undefined),
    });
  }

  /** Puts a checked upsert in: its actors, the document, and its claims in place of the previous ones. */
  putDocument({ document, claims, actors }: DocumentUpsert): void {
    this.putActors(actors);
    const touched = new Set<string>();
    for (const id of this.claimsByDocument.get(document.id) ?? []) {
      const key = relationKey(this.claim(id));
      this.claimsByRelation.get(key)!.delete(id);
      touched.add(key);
      this.graph.dropEdge(id);
    }
    for (const claim of claims) {
      this.graph.addDirectedEdgeWithKey(claim.id, claim.subject, claim.object, claim);
      const key = relationKey(claim);
      let ids = this.claimsByRelation.get(key);
      if (!ids) this.claimsByRelation.set(key, (ids = new Set()));
      ids.add(claim.id);
      touched.add(key);
    }
    this.documents.set(document.id, document);
    this.claimsByDocument.set(
      document.id,
      claims.map((c) => c.id),
    );
    for (const key of touched) this.recompute(key);
  }

  /** A relation's aggregate from its claims, or the relation gone when it has none left. */
  private recompute(key: string): void {
    const ids = this.claimsByRelation.get(key)!;
    if (ids.size === 0) {
      this.claimsByRelation.delete(key);
      this.relations.drop(key);
      return;
    }
    const claims = [...ids].map((id) => this.claim(id));
    const { source, target, type } = relationBetween(claims[0]!.subject, claims[0]!.type, claims[0]!.object);
    this.relations.set({ key, source, target, attributes: relationAttributes(type, claims) });
  }

  /** How many claims name the actor as subject or object (a claim naming it twice counts twice, as Neo4j counts). */
  claimCount(actorId: string): number {
    return this.graph.hasNode(actorId) ? this.graph.degree(actorId) : 0;
  }

  claim(id: string): ClaimRecord {
    return this.graph.getEdgeAttributes(id);
  }

  claimsOfDocument(id: string): ClaimRecord[] {
    return (this.claimsByDocument.get(id) ?? []).map((c) => this.claim(c));
  }

  /** Claims with either end at `actorId` (a self-loop once). */
  claimsOfActor(actorId: string): ClaimRecord[] {
    if (!this.graph.hasNode(actorId)) return [];
    return this.graph.mapEdges(actorId, (_, claim) => claim);
  }

  allClaims(): ClaimRecord[] {
    return this.graph.mapEdges((_, claim) => claim);
  }

  /** The claim as read back: actors expanded, the document's title and grade beside its id. */
  view(claim: ClaimRecord): ClaimView {
    const document = this.documents.get(claim.document)!;
    const { subject, object, ...rest } = claim;
    return {
      ...rest,
      documentTitle: document.title,
      reliability: document.reliability,
      subject: this.ref(subject),
      object: this.ref(object),
    };
  }

  private ref(id: string): ActorRef {
    const { name, kind, aliases } = this.graph.getNodeAttributes(id);
    return { id, name, kind, aliases };
  }
}

const relationKey = (claim: ClaimRecord): string => relationBetween(claim.subject, claim.type, claim.object).key;
