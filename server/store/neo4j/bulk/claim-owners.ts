/**
 * Which document holds each claim id, so that an id given again by another document is refused
 * (checkReferences), held compactly: an id as ingest makes it (16 lower-case hex digits,
 * ../../../ingest/claim-id.ts) as its 64 bits in an open-addressing table beside its document's
 * number (12 bytes a slot, at most half the slots used), any other id in a Map.
 */
const PACKED = /^[0-9a-f]{16}$/;
const FIRST_SLOTS = 1 << 10;

export class ClaimOwners {
  /** Each slot's id: high and low 32 bits. */
  private bits = new Uint32Array(2 * FIRST_SLOTS);
  /** Each slot's document number + 1; 0 for a free slot. */
  private owners = new Uint32Array(FIRST_SLOTS);
  private packed = 0;
  private readonly others = new Map<string, number>();
  private readonly documents: string[] = [];
  private readonly numbers = new Map<string, number>();

  get size(): number {
    return this.packed + this.others.size;
  }

  /** The document holding this claim id, if any. */
  get(claim: string): string | undefined {
    const number = PACKED.test(claim) ? this.owners[this.slot(...split(claim))]! - 1 : this.others.get(claim);
    return number === undefined || number < 0 ? undefined : this.documents[number];
  }

  /** Records that `document` holds `claim` (an id no document holds yet). */
  set(claim: string, document: string): void {
    let number = this.numbers.get(document);
    if (number === undefined) {
      number = this.documents.push(document) - 1;
      this.numbers.set(document, number);
    }
    if (!PACKED.test(claim)) {
      this.others.set(claim, number);
      return;
    }
    if (2 * (this.packed + 1) > this.owners.length) this.grow();
    const [high, low] = split(claim);
    const slot = this.slot(high, low);
    if (this.owners[slot] === 0) this.packed += 1;
    this.put(slot, high, low, number + 1);
  }

  /** The slot holding this id, or the free slot where it would go (linear probing). */
  private slot(high: number, low: number): number {
    const mask = this.owners.length - 1;
    for (let slot = (low ^ Math.imul(high, 0x9e3779b1)) & mask; ; slot = (slot + 1) & mask)
      if (this.owners[slot] === 0 || (this.bits[2 * slot] === high && this.bits[2 * slot + 1] === low)) return slot;
  }

  private put(slot: number, high: number, low: number, owner: number): void {
    this.bits[2 * slot] = high;
    this.bits[2 * slot + 1] = low;
    this.owners[slot] = owner;
  }

  private grow(): void {
    const { bits, owners } = this;
    this.bits = new Uint32Array(2 * bits.length);
    this.owners = new Uint32Array(2 * owners.length);
    for (let old = 0; old < owners.length; old++) {
      if (owners[old] === 0) continue;
      const [high, low] = [bits[2 * old]!, bits[2 * old + 1]!];
      this.put(this.slot(high, low), high, low, owners[old]!);
    }
  }
}

const split = (claim: string): [number, number] => [Number.parseInt(claim.slice(0, 8), 16), Number.parseInt(claim.slice(8), 16)];
