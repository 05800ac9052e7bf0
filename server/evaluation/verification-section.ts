/**
 * Runs the engine's self-vs-verified comparison over the data an evaluation read, when streets or
 * third parties checked any community, and turns it into the results' `verification` section.
 *
 * @example verificationSection(input, data) // undefined when nothing was checked
 */
import { verificationGaps } from '../engine/context/verification/verification-gaps.js';
import type { EngineInput } from '../engine/types.js';
import type { EngineData } from './engine-data.js';
import { verificationDocument, type VerificationDocument } from './verification-document.js';

export function verificationSection(input: EngineInput, data: EngineData): VerificationDocument | undefined {
  if (data.verification === undefined) return undefined;
  const { indicators } = input.tree;
  const gaps = verificationGaps(
    indicators,
    input.units.codes.length,
    data.verification.self,
    data.verification.verified,
  );
  return verificationDocument(
    gaps,
    input.units.codes,
    input.periods.map((p) => p.id),
    new Map(indicators.map((i) => [i.id, i.direction])),
  );
}
