/**
 * The use case "import observations": needs data.import; the file's columns are the variables of
 * a framework of the registry (or, from the CLI, declared in a file), every row is checked against
 * them and the framework's rules, valid ranges and jump limits, and
 * the batch is stored all or nothing and audited (import.commit, import.duplicate or import.fail).
 * The batch records its source (self, street, third_party); a correction of a confirmed or
 * returned batch names it with a reason and is audited again as batch.correct on that batch.
 *
 * @example await importObservations({ store }, actor, { file, variables: framework.variables, period: '2025' })
 */
import { importObservationsFile, type IntakeResult } from './import-observations-file.js';
import type { DataRule } from '../indicators/data-rules.js';
import type { JumpLimits } from '../indicators/definitions.js';
import type { IntakeVariable } from '../intake/intake-variable.js';
import type { BatchProvenance } from '../store/import-records.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';
import { auditedImport } from './audited-import.js';
import type { FileImport } from './import-units.js';

export interface ObservationsImport extends FileImport {
  readonly variables: readonly IntakeVariable[];
  /** The framework's import rules and valid ranges (none for variables declared in a file). */
  readonly rules?: readonly DataRule[];
  /** The framework's period-over-period limits. */
  readonly jumps?: JumpLimits | undefined;
  /** The period of every row; null when the file's period column names them. */
  readonly period: string | null;
  /** Where the figures come from (default self), and the confirmed or returned batch they correct. */
  readonly provenance?: BatchProvenance;
}

export async function importObservations(
  context: { readonly store: Store },
  actor: Actor,
  request: ObservationsImport,
): Promise<IntakeResult> {
  assertMay(actor, 'data.import');
  const { store } = context;
  const attempt = { fileName: request.file.fileName, kind: 'observations' as const, period: request.period };
  const result = await auditedImport(store, actor.name, attempt, () =>
    importObservationsFile(store, request.file, {
      variables: request.variables,
      ...(request.rules === undefined ? {} : { rules: request.rules }),
      jumps: request.jumps,
      period: request.period,
      actor: actor.name,
      ...(request.maxBytes === undefined ? {} : { maxBytes: request.maxBytes }),
      ...(request.onProgress === undefined ? {} : { onProgress: request.onProgress }),
      ...(request.provenance === undefined ? {} : { provenance: request.provenance }),
    }),
  );
  const corrected = request.provenance?.corrects;
  if (corrected !== undefined && result.outcome === 'committed') {
    await store.audit.append({
      actor: actor.name,
      action: 'batch.correct',
      target: corrected,
      detail: { correction: result.batch.id, reason: request.provenance?.correctionReason ?? '' },
    });
  }
  return result;
}
