/**
 * The server's answers the command line reads through the API, narrowed from `unknown` by ajv:
 * only the fields a command uses are required, so a server that adds fields still answers.
 */
import type { PublicUser } from '../../../server/access/user-admin.js';
import type { ImportBatch, ImportOutcome } from '../../../server/domain/import-batch.js';
import { ROLES } from '../../../server/domain/user.js';
import { compileValidator } from '../../../server/validation/compile.js';

const text = { type: 'string' } as const;
const nullableText = { type: ['string', 'null'] } as const;
const problemDetails = {
  type: 'array',
  items: { type: 'object', required: ['message'], properties: { where: text, message: text } },
} as const;

export interface ProblemAnswer {
  readonly detail: string;
  readonly errors?: readonly { readonly where?: string; readonly message: string }[];
}

export const asProblem = compileValidator<ProblemAnswer>('API error', {
  type: 'object',
  required: ['detail'],
  properties: { detail: text, errors: problemDetails },
});

export interface JobAnswer {
  readonly id: string;
  readonly status: 'running' | 'succeeded' | 'failed';
  readonly progress: { readonly done: number; readonly total: number; readonly step: string };
  readonly result?: unknown;
  readonly error: {
    readonly status?: number;
    readonly message: string;
    readonly details: readonly { readonly where?: string; readonly message: string }[];
  } | null;
}

export const asJob = compileValidator<JobAnswer>('job', {
  type: 'object',
  required: ['id', 'status', 'progress', 'error'],
  properties: {
    id: text,
    status: { enum: ['running', 'succeeded', 'failed'] },
    progress: {
      type: 'object',
      required: ['done', 'total', 'step'],
      properties: { done: { type: 'number' }, total: { type: 'number' }, step: text },
    },
    error: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['message', 'details'],
          properties: { status: { type: 'integer' }, message: text, details: problemDetails },
        },
      ],
    },
  },
});

export const asImportSummary = compileValidator<{ outcome: ImportOutcome; batch: string }>('import result', {
  type: 'object',
  required: ['outcome', 'batch'],
  properties: { outcome: { enum: ['committed', 'duplicate', 'failed'] }, batch: text },
});

/** A batch as GET /imports/:id answers it (ImportBatch; the fields the import command prints are checked). */
export const asBatch = compileValidator<ImportBatch>('import batch', {
  type: 'object',
  required: ['id', 'fileName', 'status', 'sequence', 'committedAt', 'counts', 'hasReport'],
  properties: {
    id: text,
    fileName: text,
    status: text,
    sequence: { type: ['integer', 'null'] },
    committedAt: nullableText,
    hasReport: { type: 'boolean' },
    counts: {
      type: 'object',
      required: ['stored', 'warnings', 'errors'],
      properties: {
        stored: { type: 'integer' },
        warnings: { type: 'integer' },
        errors: { type: 'integer' },
      },
    },
  },
});

export const asEvaluationJobResult = compileValidator<{ evaluation: string }>('evaluation job result', {
  type: 'object',
  required: ['evaluation'],
  properties: { evaluation: text },
});

export interface EvaluationAnswer {
  readonly id: string;
  readonly status: string;
  readonly framework: { readonly id: string };
}

export const asEvaluation = compileValidator<EvaluationAnswer>('evaluation', {
  type: 'object',
  required: ['id', 'status', 'framework'],
  properties: {
    id: text,
    status: { enum: ['draft', 'published'] },
    framework: { type: 'object', required: ['id'], properties: { id: text } },
  },
});

interface Page<T> {
  readonly items: readonly T[];
  readonly next: number | null;
}

export const asUsersPage = compileValidator<Page<PublicUser>>('users', {
  type: 'object',
  required: ['items', 'next'],
  properties: {
    next: { type: ['integer', 'null'] },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'login', 'displayName', 'role', 'unitScope', 'disabled', 'hasPassword'],
        properties: {
          id: text,
          login: text,
          displayName: text,
          role: { enum: ROLES },
          unitScope: { anyOf: [{ type: 'null' }, { type: 'array', items: text }] },
          disabled: { type: 'boolean' },
          hasPassword: { type: 'boolean' },
        },
      },
    },
  },
});

export interface TokenAnswer {
  readonly id: string;
  readonly label: string | null;
  readonly createdAt: string;
  readonly lastUsedAt: string;
  readonly expiresAt: string;
}

const tokenSchema = {
  type: 'object',
  required: ['id', 'label', 'createdAt', 'lastUsedAt', 'expiresAt'],
  properties: { id: text, label: nullableText, createdAt: text, lastUsedAt: text, expiresAt: text },
} as const;

export const asTokens = compileValidator<{ items: readonly TokenAnswer[] }>('tokens', {
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: tokenSchema } },
});

export const asNewToken = compileValidator<{ token: TokenAnswer; secret: string }>('new token', {
  type: 'object',
  required: ['token', 'secret'],
  properties: { token: tokenSchema, secret: text },
});
