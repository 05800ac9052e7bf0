/**
 * Definition drafts as the store takes them (server/domain/definition-draft.ts), checked at the
 * boundary: a new draft, and the fields a save may change.
 */
import {
  DRAFT_FILE_PATTERN,
  DRAFT_MAX_FILES,
  DRAFT_MAX_TEXT,
  type DefinitionDraftChange,
  type NewDefinitionDraft,
} from '../../domain/definition-draft.js';
import { compileValidator } from '../../validation/compile.js';

export type {
  DefinitionDraft,
  DefinitionDraftChange,
  DraftChange,
  NewDefinitionDraft,
} from '../../domain/definition-draft.js';

const changes = {
  type: 'array',
  maxItems: DRAFT_MAX_FILES,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['file', 'text'],
    properties: {
      file: { type: 'string', pattern: DRAFT_FILE_PATTERN },
      text: { anyOf: [{ type: 'null' }, { type: 'string', maxLength: DRAFT_MAX_TEXT }] },
    },
  },
} as const;
const title = { type: 'string', minLength: 1, maxLength: 200 } as const;
const basedOn = { type: 'integer', minimum: 0 } as const;

export const asNewDefinitionDraft = compileValidator<NewDefinitionDraft>('definition draft', {
  type: 'object',
  additionalProperties: false,
  required: ['owner', 'title', 'basedOn', 'changes'],
  properties: { owner: { type: 'string', minLength: 1, maxLength: 200 }, title, basedOn, changes },
});

export const asDefinitionDraftChange = compileValidator<DefinitionDraftChange>('definition draft', {
  type: 'object',
  additionalProperties: false,
  properties: { title, basedOn, changes },
});
