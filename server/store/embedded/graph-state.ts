/**
 * The embedded store's memory: a graphology MultiDirectedGraph whose nodes are actors
 * (attributes: the Actor) and whose edges are claims (key: claim id, attributes: the
 * ClaimRecord, subject → object), so the graph indexes claims by id and by actor; a map
 * indexes them by document. Mutations are synchronous, so a reader never sees half a swap.
 */
import { MultiDirectedGraph } from 'graphology';
import type { Actor, ActorRef, ClaimRecord, ClaimView, DocumentRecord } from '../../domain/index.ts';
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
  private readonly claimsByDocument = new Map<string, string[]>();

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
    for (const id of this.claimsByDocument.get(document.id) ?? []) this.graph.dropEdge(id);
    for (const claim of claims) this.graph.addDirectedEdgeWithKey(claim.id, claim.subject, claim.object, claim);
    this.documents.set(document.id, document);
    this.claimsByDocument.set(
      document.id,
      claims.map((c) => c.id),
    );
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
