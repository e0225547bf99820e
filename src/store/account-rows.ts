/** Row shapes of the account tables and their conversion to the contract's records. */
import { z } from 'zod';
import type { ApiKeyRecord, AuthSessionRecord, User } from '../spec/store.js';
import { readJson } from './rows.js';
import { corruptRow } from './store-errors.js';

export interface UserRow {
  id: string;
  name: string;
  role: string;
  disabled: number;
  minor: number;
  is_local: number | null;
  created_at: number;
}

export interface ApiKeyRow {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  scopes: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface AuthSessionRow {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

const userRoleShape = z.enum(['admin', 'user']);
const apiKeyScopesShape = z.array(z.enum(['read', 'write', 'chat', 'admin']));

/** A user row as a record. */
export function toUser(row: UserRow): User {
  const role = userRoleShape.safeParse(row.role);
  if (!role.success) throw corruptRow('users', row.id, `unknown role ${JSON.stringify(row.role)}`);
  return {
    id: row.id,
    name: row.name,
    role: role.data,
    disabled: row.disabled === 1,
    minor: row.minor === 1,
    local: row.is_local === 1,
    createdAt: row.created_at,
  };
}

/** An API key row as a record (the secret hash stays in the database). */
export function toApiKeyRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    prefix: row.prefix,
    scopes: readJson('api_keys', row.id, row.scopes, apiKeyScopesShape),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** A browser-session row as a record (the token hash stays in the database). */
export function toAuthSessionRecord(row: AuthSessionRow): AuthSessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
