/** Schemas for users, sign-in, settings and API keys. */
import { z } from '@hono/zod-openapi';

export const UserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'user']),
    disabled: z.boolean(),
    minor: z.boolean().openapi({ description: "A minor's turns run under the teen safety policy at least" }),
    local: z.boolean().openapi({ description: 'The local user of a personal install (cannot be deleted)' }),
    createdAt: z.number(),
  })
  .openapi('User');

export const CredentialsSchema = z
  .strictObject({
    name: z.string().min(1).max(64),
    password: z.string().min(1).max(1024),
  })
  .openapi('Credentials');

export const LoginResultSchema = z.object({ user: UserSchema, csrfToken: z.string() }).openapi('LoginResult');

export const MeSchema = z
  .object({
    user: UserSchema,
    via: z.enum(['api-key', 'cookie']),
    scopes: z.array(z.string()),
    csrfToken: z.string().optional().openapi({
      description:
        "Cookie callers only: the session's CSRF token for writes, so a reloaded page need not store it",
    }),
  })
  .openapi('Me');

export const AuthStatusSchema = z
  .object({
    needsSetup: z.boolean().openapi({
      description: 'No account with a password exists yet: the next sign-up becomes the admin',
    }),
    signupOpen: z.boolean().openapi({ description: 'Whether people may sign up (always true during setup)' }),
  })
  .openapi('AuthStatus');

export const ScopeSchema = z.enum(['read', 'write', 'chat', 'admin']);

export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(ScopeSchema),
    createdAt: z.number(),
    expiresAt: z.number().nullable(),
    lastUsedAt: z.number().nullable(),
    revokedAt: z.number().nullable(),
  })
  .openapi('ApiKey');

export const CreateApiKeySchema = z
  .strictObject({
    name: z.string().min(1).max(100),
    scopes: z.array(ScopeSchema).min(1).max(4).optional(),
    expiresAt: z.number().int().positive().nullable().optional(),
  })
  .openapi('CreateApiKey');

export const CreatedApiKeySchema = z
  .object({ key: z.string().openapi({ description: 'The secret; shown once' }), record: ApiKeySchema })
  .openapi('CreatedApiKey');

export const SettingsSchema = z.strictObject({ signupOpen: z.boolean() }).openapi('Settings');

export const ChangePasswordSchema = z
  .strictObject({
    currentPassword: z.string().min(1).max(1024),
    newPassword: z.string().min(1).max(1024),
  })
  .openapi('ChangePassword');

export const PasswordChangedSchema = z
  .object({
    ok: z.literal(true),
    csrfToken: z.string().nullable().openapi({
      description: 'Cookie callers get a new session (cookie) and this CSRF token; null for API keys',
    }),
  })
  .openapi('PasswordChanged');

export const ResetPasswordSchema = z
  .strictObject({ password: z.string().min(1).max(1024) })
  .openapi('ResetPassword');

export const MinorSchema = z.strictObject({ minor: z.boolean() }).openapi('Minor');

export const DeleteAccountSchema = z
  .strictObject({ password: z.string().min(1).max(1024) })
  .openapi('DeleteAccount');

export const RoleSchema = z.strictObject({ role: z.enum(['admin', 'user']) }).openapi('Role');

export const CreateUserSchema = z
  .strictObject({
    name: z.string().min(1).max(64),
    password: z.string().min(1).max(1024),
    role: z.enum(['admin', 'user']).optional(),
    minor: z.boolean().optional(),
  })
  .openapi('CreateUser');
