/**
 * What an archive's signature proves, given the key the restorer holds. The trailer's HMAC covers
 * the same text as its SHA-256; a SHA-256 that matches with an HMAC that does not means the text
 * was changed and the trailer recomputed by someone without the key.
 *
 * @example signatureOf(trailer, hmacHex, key) // 'verified' | 'unsigned' | 'no-key' | 'other-key' | 'altered'
 */
import { timingSafeEqual } from 'node:crypto';
import { ValidationError } from '../errors.js';
import type { ArchiveTrailer } from './archive-format.js';
import type { BackupKey } from './backup-key.js';

export type SignatureStatus = 'verified' | 'unsigned' | 'no-key' | 'other-key' | 'altered';

/** The flag that restores an archive whose signature is missing or cannot be checked. */
export const ALLOW_UNSIGNED_FLAG = '--allow-unsigned';

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

/** `computed` is the HMAC of the archive's text under `key` (undefined without a key). */
export function signatureOf(
  trailer: ArchiveTrailer,
  computed: string | undefined,
  key: BackupKey | undefined,
): SignatureStatus {
  const { hmac, keyId } = trailer;
  if (hmac === undefined || hmac === null) return 'unsigned';
  if (key === undefined || computed === undefined) return 'no-key';
  if (sameHex(hmac, computed)) return 'verified';
  return keyId === key.id ? 'altered' : 'other-key';
}

/** Why a signature status does not prove the archive is the one Zhili wrote, in both languages. */
export function signatureProblem(
  status: SignatureStatus,
  keyId: string | null | undefined,
): string | undefined {
  switch (status) {
    case 'verified':
      return undefined;
    case 'unsigned':
      return 'it is not signed, so nothing shows it is unchanged since the backup / 备份未签名，无法证明未被修改';
    case 'no-key':
      return `it is signed (key ${keyId ?? '?'}) but no backup key was given to check it: add --key FILE / 备份已签名，请用 --key 提供密钥`;
    case 'other-key':
      return `it was signed with another key (${keyId ?? '?'}) than the one given / 备份由另一把密钥签名`;
    case 'altered':
      return 'its signature does not match: it was changed after the backup was made / 签名不符，备份在生成后被修改';
  }
}

/**
 * Throws unless the archive's signature is verified or the restorer explicitly accepted an
 * unsigned or unverifiable one; returns the warning to show in that case.
 */
export function requireSignature(
  file: string,
  status: SignatureStatus,
  keyId: string | null | undefined,
  allowUnsigned: boolean,
): string | undefined {
  const problem = signatureProblem(status, keyId);
  if (problem === undefined || (allowUnsigned && status !== 'altered')) return problem;
  // Proof of an edit under the restorer's own key is never overridden.
  const way =
    status === 'altered'
      ? 'restore an earlier backup'
      : `to restore it anyway, add ${ALLOW_UNSIGNED_FLAG} / 如确认要恢复，请加 ${ALLOW_UNSIGNED_FLAG}`;
  const message = `${file} cannot be restored: ${problem}; ${way}`;
  throw new ValidationError(message, [{ where: 'file', message: problem }]);
}
