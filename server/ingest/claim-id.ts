import { createHash } from 'node:crypto';

/** A claim's id: stable for the same relation at the same span of the same document, so re-ingest is a no-op. */
export function claimId(parts: { document: string; subject: string; type: string; object: string; start: number; end: number }): string {
  const key = [parts.document, parts.subject, parts.type, parts.object, parts.start, parts.end].join('|');
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function sha256(value: unknown): string {
  return createHash('sha256').update(typeof value === 'string' ? value : JSON.stringify(value)).digest('hex');
}
