import type { Generated } from 'kysely';
import type { Role } from '@fund/domain';

/** Sign-in accounts of every kind (staff, enterprise applicants, founders). Migration 20261126T1110-accounts. */
export interface AppUserTable {
  id: Generated<number>;
  /** Stored lower-case; unique. */
  username: string;
  display_name: string;
  /** `$scrypt$ln=…,r=…,p=…$salt$key` (see password-hash.ts). */
  password_hash: string;
  disabled_at: string | null;
  /** Consecutive failed sign-ins; reset by a successful one or by staff unlocking the account. */
  failed_count: Generated<number>;
  locked_until: string | null;
  must_change_password: Generated<number>;
  /** The active TOTP secret (base32), encrypted (crypto/pii.ts); null until the second factor is set up. */
  totp_secret_enc: string | null;
  /** A secret being set up, not yet confirmed with a code (migration 20261126T1400-second-factor). */
  totp_pending_enc: string | null;
  /** RFC 6238 step of the last accepted code: only later steps are accepted (one use per code). */
  totp_last_step: number | null;
  totp_enrolled_at: string | null;
  created_at: string;
  password_changed_at: string;
  last_sign_in_at: string | null;
}

export interface UserRoleTable {
  user_id: number;
  role: Role;
}

/** Server-side sessions: only the SHA-256 of the cookie token is stored (ASVS 7.2.3). */
export interface SessionTable {
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  /** Absolute expiry: created_at + SESSION_ABSOLUTE_HOURS. */
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

/** Token buckets for sign-in attempts, keyed `acct:<username>` and `ip:<address>`. */
export interface RateLimitBucketTable {
  key: string;
  tokens: number;
  updated_at: string;
}

/** Single-use recovery codes: HMAC of `userId:code` under a key outside the database (pii.blindIndex). */
export interface RecoveryCodeTable {
  user_id: number;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface AuthTables {
  recovery_code: RecoveryCodeTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  rate_limit_bucket: RateLimitBucketTable;
}
