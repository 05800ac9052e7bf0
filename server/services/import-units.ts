/**
 * The use case "import a unit register": needs data.import; the file goes through the intake as
 * one all-or-nothing batch and the outcome is audited (import.commit, import.duplicate or
 * import.fail), the same for the import page, the API and the CLI.
 *
 * @example const result = await importUnits({ store }, actor, { file: { fileName: 'units.csv', bytes } })
 */
import { importUnitsFile } from './import-units-file.js';
import type { IntakeResult, IntakeStage } from './import-observations-file.js';
import type { IntakeFile } from '../intake/intake-file.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';
import { auditedImport } from './audited-import.js';

export interface FileImport {
  readonly file: IntakeFile;
  /** The largest file accepted; the intake's default when absent. */
  readonly maxBytes?: number;
  readonly onProgress?: (stage: IntakeStage, done: number, total: number) => void;
}

export async function importUnits(
  context: { readonly store: Store },
  actor: Actor,
  request: FileImport,
): Promise<IntakeResult> {
  assertMay(actor, 'data.import');
  const { store } = context;
  const attempt = { fileName: request.file.fileName, kind: 'units' as const, period: null };
  return auditedImport(store, actor.name, attempt, () =>
    importUnitsFile(store, request.file, {
      actor: actor.name,
      ...(request.maxBytes === undefined ? {} : { maxBytes: request.maxBytes }),
      ...(request.onProgress === undefined ? {} : { onProgress: request.onProgress }),
    }),
  );
}
