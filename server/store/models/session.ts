/**
 * Credentials that stand for a user: browser sessions (a cookie) and API tokens (a bearer header).
 * Only the SHA-256 of the secret is stored, so a copy of the database cannot be used to log in.
 * A browser session also carries its CSRF token (synchronizer pattern).
 */
import { compileValidator } from '../../validation/compile.js';
import { CREDENTIAL_KINDS, type CredentialKind } from '../../domain/session.js';

export { CREDENTIAL_KINDS };
export type { CredentialKind, Session } from '../../domain/session.js';

export interface NewSession {
  readonly kind: CredentialKind;
  readonly userId: string;
  readonly tokenHash: string;
  readonly csrfToken?: string | null;
  readonly label?: string | null;
  readonly expiresAt: string;
}

export const asNewSession = compileValidator<NewSession>('session', {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'userId', 'tokenHash', 'expiresAt'],
  properties: {
    kind: { enum: CREDENTIAL_KINDS },
    userId: { type: 'string', minLength: 1, maxLength: 100 },
    tokenHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    csrfToken: { anyOf: [{ type: 'null' }, { type: 'string', minLength: 16, maxLength: 200 }] },
    label: { anyOf: [{ type: 'null' }, { type: 'string', minLength: 1, maxLength: 200 }] },
    expiresAt: { type: 'string', format: 'date-time' },
  },
});
