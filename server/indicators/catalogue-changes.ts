/**
 * What one set of definition files changes against another, file by file: added, changed (the
 * text differs) or removed, with the definition's kind, id and `version` field before and after
 * when its JSON says (a file that does not parse is still listed, without them).
 *
 * @example catalogueChanges(before, after) // [{ file: 'frameworks/default.json', change: 'changed', kind: 'framework', id: 'default', from: '1.0.0', to: '1.1.0' }]
 */
import {
  DEFINITION_KINDS,
  type CatalogueChange,
  type CatalogueFile,
  type DefinitionKind,
} from '../domain/catalogue.js';

interface Identity {
  readonly kind?: DefinitionKind;
  readonly id?: string;
  readonly version?: string;
}

function isKind(value: unknown): value is DefinitionKind {
  return typeof value === 'string' && (DEFINITION_KINDS as readonly string[]).includes(value);
}

/** The kind, id and version a definition's text names, as far as it parses. */
export function identityOf(text: string): Identity {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const { kind, id, version } = value as Record<string, unknown>;
  return {
    ...(isKind(kind) ? { kind } : {}),
    ...(typeof id === 'string' && id.length > 0 && id.length <= 200 ? { id } : {}),
    ...(typeof version === 'string' && version.length > 0 && version.length <= 200 ? { version } : {}),
  };
}

export function catalogueChanges(
  before: readonly CatalogueFile[],
  after: readonly CatalogueFile[],
): CatalogueChange[] {
  const old = new Map(before.map((f) => [f.file, f.text]));
  const now = new Map(after.map((f) => [f.file, f.text]));
  const names = [...new Set([...old.keys(), ...now.keys()])].sort();
  const changes: CatalogueChange[] = [];
  for (const file of names) {
    const was = old.get(file);
    const is = now.get(file);
    if (was === is) continue;
    const prior = was === undefined ? {} : identityOf(was);
    const next = is === undefined ? {} : identityOf(is);
    const named = is === undefined ? prior : next;
    changes.push({
      file,
      change: was === undefined ? 'added' : is === undefined ? 'removed' : 'changed',
      ...(named.kind === undefined ? {} : { kind: named.kind }),
      ...(named.id === undefined ? {} : { id: named.id }),
      ...(prior.version === undefined ? {} : { from: prior.version }),
      ...(next.version === undefined ? {} : { to: next.version }),
    });
  }
  return changes;
}
