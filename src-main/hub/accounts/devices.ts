// Pairing codes, device enrollment, revocation and bearer-token authentication.
import { randomUUID } from 'node:crypto';
import { HubError } from '../errors';
import type { Sql, Store } from '../store/store';
import { lockFirstThenWrite, writeTransaction, type Actor } from '../store/writeTransaction';
import { newDeviceToken, newPairingCode, normalizePairingCode, PAIRING_CODE_TTL_MS, sha256Hex } from './secrets';
import { userFromRow, type User } from './users';

export interface PairingCode {
  code: string;
  username: string;
  expiresAt: string;
}

/** A fresh code for `username`, good once within PAIRING_CODE_TTL_MS of `at`. */
export async function createPairingCode(store: Store, username: string, actor: Actor, at: Date): Promise<PairingCode> {
  const code = newPairingCode();
  const expiresAt = new Date(at.getTime() + PAIRING_CODE_TTL_MS).toISOString();
  return writeTransaction(store, actor, at, async (w) => {
    const [user] = await w.tx.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username]);
    if (!user) throw new HubError(404, 'unknown-user', `no user '${username}'`);
    await w.tx.query('INSERT INTO pairing_codes (code_hash, user_id, created_by, expires_at) VALUES ($1, $2, $3, $4)', [
      sha256Hex(code),
      user.id,
      actor.userId,
      expiresAt,
    ]);
    // The code itself stays out of the log: whoever reads the log must not be able to enroll.
    await w.audit({ action: 'pairing-code.create', subject: `user:${user.id}`, after: { expiresAt } });
    return { code, username, expiresAt };
  });
}

export interface Enrollment {
  deviceId: string;
  /** Shown once; the hub keeps only its SHA-256. */
  token: string;
  user: User;
}

/** Uses the code (once, before it expires) to register a device for the code's user. */
export async function enrollDevice(store: Store, typedCode: string, deviceName: string, at: Date): Promise<Enrollment> {
  const codeHash = sha256Hex(normalizePairingCode(typedCode));
  const token = newDeviceToken();
  const deviceId = randomUUID();
  return writeTransaction(store, { userId: null, deviceId }, at, async (w) => {
    // FOR UPDATE: two devices racing with one code — the second sees it used.
    const [row] = await w.tx.query<{ user_id: string; expires_at: Date | string; used_at: Date | string | null }>(
      'SELECT user_id, expires_at, used_at FROM pairing_codes WHERE code_hash = $1 FOR UPDATE',
      [codeHash],
    );
    // One answer for unknown, used and expired codes: no oracle for guessing.
    if (!row || row.used_at !== null || new Date(row.expires_at).getTime() <= at.getTime()) {
      throw new HubError(400, 'pairing-code-invalid', 'the pairing code is unknown, used or expired');
    }
    await w.tx.query('UPDATE pairing_codes SET used_at = $1 WHERE code_hash = $2', [at.toISOString(), codeHash]);
    await w.tx.query('INSERT INTO devices (id, user_id, name, token_hash, enrolled_at) VALUES ($1, $2, $3, $4, $5)', [
      deviceId,
      row.user_id,
      deviceName,
      sha256Hex(token),
      at.toISOString(),
    ]);
    const [userRow] = await w.tx.query<Parameters<typeof userFromRow>[0]>('SELECT id, username, display_name, role, district, cert_no FROM users WHERE id = $1', [row.user_id]);
    if (!userRow) throw new Error('pairing code names a missing user');
    await w.audit({
      action: 'device.enroll',
      subject: `device:${deviceId}`,
      after: { userId: row.user_id, name: deviceName },
      actor: { userId: row.user_id, deviceId },
    });
    return { deviceId, token, user: userFromRow(userRow) };
  });
}

/** Marks the device revoked; its token is refused from then on. Revoking twice changes nothing. */
export async function revokeDevice(store: Store, deviceId: string, actor: Actor, at: Date): Promise<{ revokedAt: string }> {
  // The device's row is locked before the change counter, as a push locks it (one lock order).
  const lockDevice = async (tx: Sql) => (await tx.query<{ revoked_at: Date | string | null }>('SELECT revoked_at FROM devices WHERE id = $1 FOR NO KEY UPDATE', [deviceId]))[0];
  return lockFirstThenWrite(store, actor, at, lockDevice, async (w, row) => {
    if (!row) throw new HubError(404, 'not-found', `no device ${deviceId}`);
    if (row.revoked_at !== null) return { revokedAt: new Date(row.revoked_at).toISOString() };
    await w.tx.query('UPDATE devices SET revoked_at = $1 WHERE id = $2', [at.toISOString(), deviceId]);
    await w.audit({ action: 'device.revoke', subject: `device:${deviceId}`, before: { revokedAt: null }, after: { revokedAt: at.toISOString() } });
    return { revokedAt: at.toISOString() };
  });
}

export interface DeviceSession {
  deviceId: string;
  deviceName: string;
  lastMutationId: number;
  user: User;
}

/** The device and user behind a bearer token, or the HubError (401) that says why not. */
export async function authenticate(db: Sql, token: string): Promise<DeviceSession> {
  const [row] = await db.query<Parameters<typeof userFromRow>[0] & { device_id: string; device_name: string; revoked_at: unknown; last_mutation_id: unknown }>(
    `SELECT d.id AS device_id, d.name AS device_name, d.revoked_at, d.last_mutation_id::text AS last_mutation_id,
            u.id, u.username, u.display_name, u.role, u.district, u.cert_no
       FROM devices d JOIN users u ON u.id = d.user_id
      WHERE d.token_hash = $1`,
    [sha256Hex(token)],
  );
  if (!row) throw new HubError(401, 'unauthenticated', 'unknown device token');
  if (row.revoked_at !== null) throw new HubError(401, 'device-revoked', 'this device was revoked; enroll it again with a new pairing code');
  return { deviceId: row.device_id, deviceName: row.device_name, lastMutationId: Number(row.last_mutation_id), user: userFromRow(row) };
}
