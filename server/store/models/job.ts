/**
 * Jobs as the store takes them (server/domain/job.ts): the whole record, checked at the boundary.
 * The result is any storable JSON (checked by assertStorableJson where it is written).
 */
import { compileValidator } from '../../validation/compile.js';
import { JOB_STATUSES, type StoredJob } from '../../domain/job.js';
import { ID_PATTERN } from './common.js';

export type { Job, JobError, JobInstance, JobProgress, JobStatus, StoredJob } from '../../domain/job.js';

const text = { type: 'string', minLength: 1, maxLength: 500 } as const;
const time = { type: 'string', format: 'date-time' } as const;

export const progressSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['done', 'total', 'step'],
  properties: {
    done: { type: 'number' },
    total: { type: 'number' },
    step: { type: 'string', maxLength: 500 },
  },
} as const;

export const jobErrorSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'status', 'message', 'details'],
  properties: {
    code: text,
    status: { type: 'integer', minimum: 100, maximum: 599 },
    message: { type: 'string', maxLength: 10_000 },
    details: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['message'],
        properties: { where: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;

export const asStoredJob = compileValidator<StoredJob>('job', {
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'kind',
    'owner',
    'status',
    'progress',
    'startedAt',
    'finishedAt',
    'result',
    'error',
    'instance',
    'heartbeatAt',
  ],
  properties: {
    id: { type: 'string', pattern: ID_PATTERN },
    kind: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,49}$' },
    owner: { anyOf: [{ type: 'null' }, text] },
    status: { enum: JOB_STATUSES },
    progress: progressSchema,
    startedAt: time,
    finishedAt: { anyOf: [{ type: 'null' }, time] },
    result: {},
    error: { anyOf: [{ type: 'null' }, jobErrorSchema] },
    instance: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'host', 'pid'],
      properties: { id: text, host: { type: 'string', maxLength: 500 }, pid: { type: 'integer' } },
    },
    heartbeatAt: time,
  },
});
