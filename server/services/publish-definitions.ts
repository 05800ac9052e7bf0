/**
 * The use case "publish definitions": needs indicators.draft (researchers, admins). Takes the
 * changed files (text, or null to remove) against the catalogue version they were made from,
 * merges them into it and, when the merged catalogue passes every check `indicators check` makes,
 * appends it as the next version, audits definitions.publish (version, reason, changes) and
 * reloads the catalogue, so every door sees the new definitions at once. Refused, with nothing
 * written: a stale basedOn (ConflictError naming the current version), an empty reason, an empty
 * or no-op change set, and a merged catalogue with problems (ValidationError listing each one with
 * its file and JSON pointer).
 *
 * publishFolder is the same for a whole folder (`indicators publish-folder`): its files replace
 * the catalogue's, files missing from it are removed.
 *
 * @example await publishDefinitions(services, actor, { basedOn: 3, reason: '新增指标', changes: [{ file: 'coverage/x.json', text }] })
 */
import type { Bilingual } from '../domain/bilingual.js';
import {
  DEFINITION_PATH_PATTERN,
  type CatalogueFile,
  type CatalogueOrigin,
  type CatalogueReason,
  type CatalogueVersion,
} from '../domain/catalogue.js';
import { versionReasonSchema } from '../domain/schemas.js';
import { ConflictError, ValidationError } from '../errors.js';
import { catalogueChanges } from '../indicators/catalogue-changes.js';
import { checkDefinitions } from '../indicators/check-definitions.js';
import { formatProblem } from '../indicators/problem.js';
import { compileValidator } from '../validation/compile.js';
import { assertMay, type Actor } from './actor.js';
import { appendCatalogueVersion } from './append-catalogue-version.js';
import type { Services } from './services.js';

export interface DefinitionChange {
  /** "/"-separated path relative to the catalogue's root, e.g. coverage/dimension.json. */
  readonly file: string;
  /** The whole new text; null removes the file. */
  readonly text: string | null;
}

export interface DefinitionsPublication {
  /** The catalogue version the changes were made from; it must still be the latest. */
  readonly basedOn: number;
  readonly changes: readonly DefinitionChange[];
  readonly reason: CatalogueReason;
}

export interface FolderPublication {
  /** Every definition file of the folder (schemas left out). */
  readonly files: readonly CatalogueFile[];
  readonly reason: CatalogueReason;
}

/** The request body's schema (also the API's, in the OpenAPI document). */
export const definitionsPublicationSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['basedOn', 'changes', 'reason'],
  properties: {
    basedOn: { type: 'integer', minimum: 1 },
    changes: {
      type: 'array',
      minItems: 1,
      maxItems: 5000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['file', 'text'],
        properties: {
          file: { type: 'string', maxLength: 500, pattern: DEFINITION_PATH_PATTERN },
          text: { anyOf: [{ type: 'null' }, { type: 'string', maxLength: 1_000_000 }] },
        },
      },
    },
    reason: versionReasonSchema,
  },
} as const;

const asPublication = compileValidator<DefinitionsPublication>('publication', definitionsPublicationSchema);

const EMPTY_REASON: Bilingual = {
  zh: '请填写发布理由',
  en: 'a reason is required: say why the definitions change',
};

function assertReason(reason: unknown): void {
  const text = typeof reason === 'string' ? reason : '';
  const blank =
    reason === undefined ||
    (typeof reason === 'string' && text.trim() === '') ||
    (typeof reason === 'object' &&
      reason !== null &&
      Object.values(reason as Record<string, unknown>).some((v) => typeof v !== 'string' || v.trim() === ''));
  if (blank)
    throw new ValidationError(EMPTY_REASON, [
      { where: 'reason', message: EMPTY_REASON.en, zh: EMPTY_REASON.zh },
    ]);
}

function assertChanges(changes: unknown): void {
  if (!Array.isArray(changes) || changes.length === 0) {
    throw new ValidationError({ zh: '没有要发布的变更', en: 'nothing to publish: the change set is empty' }, [
      { where: 'changes', message: 'at least one file must change', zh: '至少需要一个文件变更' },
    ]);
  }
}

function latestOrThrow(services: Services): CatalogueVersion {
  return services.catalogue.latest();
}

/** The merged files, or a ValidationError naming every change that cannot apply. */
function merged(base: readonly CatalogueFile[], changes: readonly DefinitionChange[]): CatalogueFile[] {
  const files = new Map(base.map((f) => [f.file, f.text]));
  const seen = new Set<string>();
  const problems: { where: string; message: string; zh: string }[] = [];
  changes.forEach((change, index) => {
    if (seen.has(change.file)) {
      problems.push({
        where: `changes/${index}/file`,
        message: `${change.file} is changed twice in one publication`,
        zh: `${change.file} 在同一次发布中出现两次`,
      });
    }
    seen.add(change.file);
    if (change.text === null) {
      if (!files.delete(change.file)) {
        problems.push({
          where: `changes/${index}/file`,
          message: `${change.file} cannot be removed: the catalogue has no such file`,
          zh: `无法删除 ${change.file}：目录中没有该文件`,
        });
      }
    } else {
      files.set(change.file, change.text);
    }
  });
  if (problems.length > 0) {
    throw new ValidationError(
      { zh: '变更无法应用', en: `the changes cannot apply: ${problems[0]?.message ?? ''}` },
      problems,
    );
  }
  return [...files]
    .map(([file, text]) => ({ file, text }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Checks, appends, audits and reloads: what both publications share once the files are merged. */
async function publishFiles(
  services: Services,
  actor: Actor,
  base: CatalogueVersion,
  files: readonly CatalogueFile[],
  reason: CatalogueReason,
  origin: CatalogueOrigin,
): Promise<CatalogueVersion> {
  const changes = catalogueChanges(base.files, files);
  if (changes.length === 0) {
    throw new ValidationError(
      {
        zh: `这些变更与当前目录版本 ${base.version} 完全相同，没有可发布的内容`,
        en: `nothing to publish: the files are the same as catalogue version ${base.version}`,
      },
      [
        {
          where: 'changes',
          message: 'no file differs from the current catalogue',
          zh: '没有文件与当前目录不同',
        },
      ],
    );
  }
  const checked = checkDefinitions(files, 'catalogue');
  if (checked.registry === undefined) {
    const count = checked.problems.length;
    throw new ValidationError(
      {
        zh: `指标定义有 ${count} 个问题，未发布`,
        en: `${count} problem${count === 1 ? '' : 's'} in the definitions; nothing was published: ${checked.problems
          .slice(0, 3)
          .map(formatProblem)
          .join('; ')}`,
      },
      checked.problems.map((problem) => ({
        where: `${problem.file} ${problem.pointer}`.trim(),
        message: `${problem.message} (expected ${problem.expected}, found ${problem.found})`,
      })),
    );
  }
  const version = await appendCatalogueVersion(services.store, {
    version: base.version + 1,
    files,
    reason,
    actor: actor.name,
    basedOn: base.version,
    origin,
    changes,
  });
  await services.catalogue.reload();
  return version;
}

export async function publishDefinitions(
  services: Services,
  actor: Actor,
  publication: DefinitionsPublication,
): Promise<CatalogueVersion> {
  assertMay(actor, 'indicators.draft');
  assertReason((publication as { reason?: unknown }).reason);
  assertChanges((publication as { changes?: unknown }).changes);
  const request = asPublication(publication);
  // The store's latest, not this process's: another server may have published since.
  const latest = (await services.store.catalogue.latest()) ?? latestOrThrow(services);
  if (request.basedOn !== latest.version) {
    throw new ConflictError({
      zh: `这些变更基于目录版本 ${request.basedOn}，但当前版本是 ${latest.version}：请基于版本 ${latest.version} 重新修改后发布`,
      en: `the changes are based on catalogue version ${request.basedOn}, but the current version is ${latest.version}: make them again on version ${latest.version}`,
    });
  }
  return publishFiles(services, actor, latest, merged(latest.files, request.changes), request.reason, 'app');
}

/** A whole folder as the next version (origin 'folder'): its files replace the catalogue's. */
export async function publishFolder(
  services: Services,
  actor: Actor,
  publication: FolderPublication,
): Promise<CatalogueVersion> {
  assertMay(actor, 'indicators.draft');
  assertReason(publication.reason);
  const latest = (await services.store.catalogue.latest()) ?? latestOrThrow(services);
  const files = [...publication.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return publishFiles(services, actor, latest, files, publication.reason, 'folder');
}
