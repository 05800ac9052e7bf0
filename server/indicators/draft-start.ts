/**
 * Where a new file of a definition draft starts: a new indicator in a dimension (the scaffold of
 * `indicators new`), a new dimension, or a revision of an existing indicator, dimension or
 * framework (its current JSON with the version raised by one minor step). The file's path follows
 * the catalogue's layout: <dimension>/<indicator>.json, <dimension>/dimension.json and the
 * framework's own file.
 *
 * @example draftStart(registry, { kind: 'dimension', id: 'professionalism' })
 * // { file: 'professionalism/dimension.json', text: '{\n  "kind": "dimension", …' }
 */
import semver from 'semver';
import type { DraftChange } from '../domain/definition-draft.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Registry } from './registry-types.js';
import { scaffoldIndicator } from './scaffold-indicator.js';

export type DraftStart =
  | { readonly kind: 'indicator'; readonly dimension: string; readonly id: string }
  | { readonly kind: 'dimension'; readonly id: string; readonly parent?: string }
  | {
      readonly kind: 'revise';
      readonly target: 'indicator' | 'dimension' | 'framework';
      readonly id: string;
    };

/** Ids of new definitions, as the schemas allow them: a letter, then letters, digits and "_". */
const ID = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function checkedId(id: string, field: string): string {
  if (!ID.test(id)) {
    throw new ValidationError(
      `标识须以字母开头，只含字母、数字和下划线; ${field} must be a letter, then letters, digits and "_"`,
      [{ where: field, message: 'expected a letter, then letters, digits and "_"' }],
    );
  }
  return id;
}

function bumped(version: string): string {
  return semver.inc(version, 'minor') ?? version;
}

function revision(
  registry: Registry,
  target: 'indicator' | 'dimension' | 'framework',
  id: string,
): DraftChange {
  const loaded =
    target === 'indicator'
      ? registry.indicators.get(id)
      : target === 'dimension'
        ? registry.dimensions.get(id)
        : registry.frameworks.get(id);
  if (loaded === undefined)
    throw new NotFoundError(`目录中没有 ${id}; no ${target} "${id}" in the catalogue`);
  const definition = loaded.definition;
  const text = 'version' in definition ? { ...definition, version: bumped(definition.version) } : definition;
  return { file: loaded.file, text: jsonText(text) };
}

export function draftStart(registry: Registry, start: DraftStart): DraftChange {
  switch (start.kind) {
    case 'indicator': {
      const dimension = checkedId(start.dimension, 'dimension');
      const id = checkedId(start.id, 'id');
      return { file: `${dimension}/${id}.json`, text: jsonText(scaffoldIndicator(dimension, id)) };
    }
    case 'dimension': {
      const id = checkedId(start.id, 'id');
      const definition = {
        kind: 'dimension',
        id,
        name: { zh: `新维度 ${id}`, en: `New dimension ${id}` },
        description: {
          zh: '写明这个维度衡量什么，以及依据哪些文献。',
          en: 'Say what this dimension measures and which sources it rests on.',
        },
        ...(start.parent === undefined || start.parent === ''
          ? {}
          : { parent: checkedId(start.parent, 'parent') }),
        weight: 1,
      };
      return { file: `${id}/dimension.json`, text: jsonText(definition) };
    }
    case 'revise':
      return revision(registry, start.target, start.id);
  }
}
