/**
 * Relations a claim implies in the words that make it: a state that shelters a group
 * ("Kabul harbours the TTP", "Pakistan gives sanctuary to X") has that group on its territory.
 */
import type { ClaimRecord } from '../../domain/index.ts';
import { claimId } from '../claim-id.ts';
import type { DocumentContext } from './context.ts';

/** How much less sure a presence read from sanctuary is than the sanctuary itself. */
const INFERRED_PENALTY = 0.1;

/**
 * OPERATES_IN for each state-given sanctuary, on the state's territory, in the same words and
 * certainty: one per sentence, and none from a denied sanctuary ("X denies sheltering Y" says
 * nothing of where Y is).
 */
export function presenceFromSanctuary(claims: ClaimRecord[], ctx: DocumentContext): ClaimRecord[] {
  const out: ClaimRecord[] = [];
  const seen = new Set<string>();
  for (const c of claims) {
    if (c.type !== 'SUPPORTS' || !c.mode?.includes('sanctuary') || c.certainty === 'denied' || ctx.kindOf(c.subject) !== 'state') continue;
    const guest = ctx.kindOf(c.object);
    if (guest !== 'group' && guest !== 'person') continue;
    const where = ctx.territoryOf(c.subject);
    const key = `${c.object}|${where}|${c.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { mode: _mode, role: _role, claimed: _claimed, ...rest } = c;
    out.push({
      ...rest,
      id: claimId({ document: c.document, subject: c.object, type: 'OPERATES_IN', object: where, start: c.start, end: c.end }),
      subject: c.object,
      type: 'OPERATES_IN',
      object: where,
      confidence: Math.max(0.05, Math.round(((c.confidence ?? 0.5) - INFERRED_PENALTY) * 100) / 100),
    });
  }
  return out;
}
