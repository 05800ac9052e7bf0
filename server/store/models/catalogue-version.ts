/**
 * Catalogue versions as the store takes them (server/domain/catalogue.ts), checked at the
 * boundary: a positive version number, files with safe relative paths ("/"-separated, no "..",
 * no leading "/", *.json but not *.schema.json) sorted and unique, a non-empty reason.
 */
import { ValidationError } from '../../errors.js';
import {
  CATALOGUE_ORIGINS,
  CHANGE_KINDS,
  DEFINITION_KINDS,
  DEFINITION_PATH_PATTERN,
  type NewCatalogueVersion,
} from '../../domain/catalogue.js';
import { versionReasonSchema } from '../../domain/schemas.js';
import { compileValidator } from '../../validation/compile.js';

export type {
  CatalogueChange,
  CatalogueFile,
  CatalogueVersion,
  CatalogueVersionSummary,
  NewCatalogueVersion,
} from '../../domain/catalogue.js';

/** At most this many files, each at most this long (the repository's catalogue: about 100 files, 400 KB). */
export const MAX_CATALOGUE_FILES = 5_000;
export const MAX_DEFINITION_CHARS = 1_000_000;

const shortText = { type: 'string', minLength: 1, maxLength: 200 } as const;

const validateShape = compileValidator<NewCatalogueVersion>('catalogue version', {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'files', 'reason', 'actor', 'basedOn', 'origin', 'changes'],
  properties: {
    version: { type: 'integer', minimum: 1 },
    files: {
      type: 'array',
      maxItems: MAX_CATALOGUE_FILES,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['file', 'text'],
        properties: {
          file: { type: 'string', maxLength: 500, pattern: DEFINITION_PATH_PATTERN },
          text: { type: 'string', maxLength: MAX_DEFINITION_CHARS },
        },
      },
    },
    reason: versionReasonSchema,
    actor: shortText,
    basedOn: { anyOf: [{ type: 'null' }, { type: 'integer', minimum: 1 }] },
    origin: { enum: CATALOGUE_ORIGINS },
    changes: {
      type: 'array',
      maxItems: MAX_CATALOGUE_FILES * 2,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['file', 'change'],
        properties: {
          file: { type: 'string', maxLength: 500, pattern: DEFINITION_PATH_PATTERN },
          change: { enum: CHANGE_KINDS },
          kind: { enum: DEFINITION_KINDS },
          id: shortText,
          from: shortText,
          to: shortText,
        },
      },
    },
  },
});

/** The checked version; throws a ValidationError naming every bad path. */
export function asNewCatalogueVersion(input: unknown): NewCatalogueVersion {
  const next = validateShape(input);
  const problems = [];
  for (let i = 1; i < next.files.length; i += 1) {
    const before = next.files[i - 1]?.file ?? '';
    const file = next.files[i]?.file ?? '';
    if (file <= before) {
      problems.push({
        where: `catalogue version/files/${i}/file`,
        message: `files must be sorted by path without repeats: ${JSON.stringify(file)} comes after ${JSON.stringify(before)}`,
      });
    }
    if (file.endsWith('.schema.json')) {
      problems.push({
        where: `catalogue version/files/${i}/file`,
        message: 'a schema (*.schema.json) is code, not a definition',
      });
    }
  }
  if (next.files[0]?.file.endsWith('.schema.json') === true) {
    problems.push({
      where: 'catalogue version/files/0/file',
      message: 'a schema (*.schema.json) is code, not a definition',
    });
  }
  if (next.basedOn !== null && next.basedOn >= next.version) {
    problems.push({
      where: 'catalogue version/basedOn',
      message: `must be below the version (${next.version}); found ${next.basedOn}`,
    });
  }
  if (problems.length > 0) {
    throw new ValidationError(`invalid catalogue version: ${problems[0]?.message ?? ''}`, problems);
  }
  return next;
}
