/**
 * Credentials that stand for a user: browser sessions (a cookie) and API tokens (a bearer header),
 * as the store keeps them (only the SHA-256 of the secret) and the account page lists them.
 */
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
