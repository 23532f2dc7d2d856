// Hub users: an office, lead or inspector with a district and a scrypt password hash.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { HubError } from '../errors';
import type { Sql, Store } from '../store/store';
import { writeTransaction, type Actor } from '../store/writeTransaction';
import { hashPassword, verifyPassword } from './password';
import { roleSchema, type Role } from './roles';

export const newUserSchema = z.object({
  username: z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, . _ - only'),
  displayName: z.string().trim().min(1).max(100),
  role: roleSchema,
  district: z.string().trim().min(1).max(100),
  password: z.string().min(8).max(1024),
  /** The inspector's certificate number (inspector list), which links them to drawn cases. */
  certNo: z.string().trim().min(1).max(64).optional(),
});
export type NewUser = z.infer<typeof newUserSchema>;

/** A user as the API shows it: never the hash. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  district: string;
  certNo: string | null;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  district: string;
  cert_no: string | null;
  password_hash: string;
}

export function userFromRow(row: Omit<UserRow, 'password_hash'>): User {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role, district: row.district, certNo: row.cert_no ?? null };
}

export async function addUser(store: Store, input: NewUser, actor: Actor, at: Date): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  const user: User = { id: randomUUID(), username: input.username, displayName: input.displayName, role: input.role, district: input.district, certNo: input.certNo ?? null };
  return writeTransaction(store, actor, at, async (w) => {
    const taken = await w.tx.query('SELECT 1 FROM users WHERE username = $1', [user.username]);
    if (taken.length > 0) throw new HubError(409, 'username-taken', `username '${user.username}' is taken`);
    if (user.certNo !== null) {
      const holder = await w.tx.query('SELECT 1 FROM users WHERE cert_no = $1', [user.certNo]);
      if (holder.length > 0) throw new HubError(409, 'cert-no-taken', `certificate number '${user.certNo}' belongs to another user`);
    }
    await w.tx.query(
      'INSERT INTO users (id, username, display_name, role, district, cert_no, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [user.id, user.username, user.displayName, user.role, user.district, user.certNo, passwordHash, at.toISOString()],
    );
    // The audit entry carries the user as shown, never the password hash.
    await w.audit({ action: 'user.add', subject: `user:${user.id}`, after: { ...user } });
    return user;
  });
}

export async function findUser(db: Sql, username: string): Promise<User | undefined> {
  const [row] = await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
  return row && userFromRow(row);
}

/** The user when the password is theirs; undefined otherwise (unknown user and wrong password alike). */
export async function checkPassword(db: Sql, username: string, password: string): Promise<User | undefined> {
  const [row] = await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
  if (!row) return undefined;
  return (await verifyPassword(password, row.password_hash)) ? userFromRow(row) : undefined;
}
