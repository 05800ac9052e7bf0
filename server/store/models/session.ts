/**
 * Credentials that stand for a user: browser sessions (a cookie) and API tokens (a bearer header).
 * Only the SHA-256 of the secret is stored, so a copy of the database cannot be used to log in.
 * A browser session also carries its CSRF token (synchronizer pattern).
 */
import { compileValidator } from '../validation/compile.js';

export const CREDENTIAL_KINDS = ['session', 'token'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

export interface Session {
  readonly id: string;
  readonly kind: CredentialKind;
  readonly userId: string;
  /** Hex SHA-256 of the secret the client holds. */
  readonly tokenHash: string;
  /** The CSRF token forms of this session must carry; null for API tokens. */
  readonly csrfToken: string | null;
  /** What an API token is for ("nightly import"); null for sessions. */
  readonly label: string | null;
  readonly createdAt: string;
  readonly lastUsedAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
}

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
