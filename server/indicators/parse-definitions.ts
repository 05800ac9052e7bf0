/**
 * First pass over the definition files: parse the JSON, read `kind`, validate against that kind's
 * schema. Files that pass become typed definitions; every failure becomes a Problem. Ids of files
 * that failed their schema are still collected, so that the second pass does not add noise such
 * as "unknown dimension" for a dimension whose file merely has a typo elsewhere.
 */
import { ajvErrorsToProblems } from './ajv-problems.js';
import type { Definition, DefinitionKind } from './definitions.js';
import { parseJsonText } from './json-text.js';
import { describeValue, oneOf, type Problem } from './problem.js';
import type { DefinitionFile } from './read-definition-files.js';
import { salvageDefinition, standIn } from './salvage-definition.js';
import { definitionSchemas } from './schemas.js';

const KINDS: readonly DefinitionKind[] = ['indicator', 'dimension', 'framework', 'survey'];

export interface ParsedDefinition<D extends Definition = Definition> {
  readonly file: string;
  readonly definition: D;
  /** Set when the file broke its schema and was salvaged (salvage-definition.ts): the refused fields. */
  readonly broken?: readonly string[];
}

/** An id claimed by a file of a known kind, whether or not the rest of the file is valid. */
export interface ClaimedId {
  readonly file: string;
  readonly kind: DefinitionKind;
  readonly id: string;
  readonly valid: boolean;
}

export interface ParsedFolder {
  readonly valid: readonly ParsedDefinition[];
  readonly claims: readonly ClaimedId[];
  readonly problems: readonly Problem[];
}

/** The refused files that salvage into schema-valid definitions (checked again against the schema). */
function salvageAll(
  refused: readonly { file: string; value: Record<string, unknown>; problems: Problem[] }[],
  valid: readonly ParsedDefinition[],
): ParsedDefinition[] {
  const { validators } = definitionSchemas();
  const others = valid.map((entry) => entry.definition);
  const salvaged: ParsedDefinition[] = [];
  for (const { file, value, problems } of refused) {
    const kind = value.kind as DefinitionKind;
    const id = typeof value.id === 'string' ? value.id : '';
    const result = salvageDefinition(value, problems, standIn(kind, id, others));
    if (result !== undefined && validators[kind](result.definition)) {
      salvaged.push({ file, definition: result.definition, broken: result.broken });
    }
  }
  return salvaged;
}

function isKind(value: unknown): value is DefinitionKind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

/**
 * `salvage`: a file that breaks its schema is also kept, salvaged, among the valid ones (with its
 * broken fields named), so that the cross-checks see its usable parts.
 */
export function parseDefinitions(
  files: readonly Pick<DefinitionFile, 'file' | 'text'>[],
  options: { readonly salvage?: boolean } = {},
): ParsedFolder {
  const { validators } = definitionSchemas();
  const valid: ParsedDefinition[] = [];
  const claims: ClaimedId[] = [];
  const problems: Problem[] = [];
  const refused: { file: string; value: Record<string, unknown>; problems: Problem[] }[] = [];
  for (const { file, text } of files) {
    const parsed = parseJsonText(text);
    if (!parsed.ok) {
      problems.push({
        file,
        pointer: '',
        expected: parsed.expected,
        found: parsed.found,
        message: `malformed JSON at line ${parsed.line}, column ${parsed.column}`,
      });
      continue;
    }
    const value = parsed.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push({
        file,
        pointer: '',
        expected: 'a JSON object',
        found: describeValue(value),
        message: 'not a definition',
      });
      continue;
    }
    const kind: unknown = (value as Record<string, unknown>).kind;
    if (!isKind(kind)) {
      problems.push({
        file,
        pointer: '/kind',
        expected: oneOf(KINDS),
        found: describeValue(kind),
        message: kind === undefined ? 'missing kind' : 'unknown kind',
      });
      continue;
    }
    const validate = validators[kind];
    const ok = validate(value);
    const id: unknown = (value as Record<string, unknown>).id;
    if (typeof id === 'string') claims.push({ file, kind, id, valid: ok });
    if (ok) valid.push({ file, definition: value as Definition });
    else {
      const own = ajvErrorsToProblems(file, validate.errors);
      problems.push(...own);
      refused.push({ file, value, problems: own });
    }
  }
  if (options.salvage === true) valid.push(...salvageAll(refused, valid));
  return { valid, claims, problems };
}
