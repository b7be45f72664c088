import { hash } from 'node:crypto';

/** A claim's id: stable for the same relation at the same span of the same document, so re-ingest is a no-op. */
export function claimId(parts: { document: string; subject: string; type: string; object: string; start: number; end: number }): string {
  const key = `${parts.document}|${parts.subject}|${parts.type}|${parts.object}|${parts.start}|${parts.end}`;
  // One-shot hashing: a Hash object per claim costs more than the digest of a short key.
  return hash('sha256', key, 'hex').slice(0, 16);
}

export function sha256(value: unknown): string {
  return hash('sha256', typeof value === 'string' ? value : JSON.stringify(value), 'hex');
}
