// Every change to the hub goes through here: one transaction that advances the change counter once,
// makes the change and appends its audit entries, so none of the three exists without the others.
import { appendAudit } from '../audit/auditLog';
import type { Json } from '../../../src-shared/canonicalJson';
import { toNumber, type Sql, type Store } from './store';

/** Who made the change: a device (and its user), an office user at the CLI, or neither (setup). */
export interface Actor {
  userId: string | null;
  deviceId: string | null;
}

export interface AuditRecord {
  action: string;
  subject: string;
  before?: Json | null;
  after?: Json | null;
  /** Who to name when only the work itself finds out (enrollment learns the user from the code). */
  actor?: Actor;
}

export interface Write {
  tx: Sql;
  /** The change counter's value for this transaction. */
  version: number;
  at: Date;
  audit(record: AuditRecord): Promise<void>;
}

export async function writeTransaction<T>(store: Store, actor: Actor, at: Date, work: (w: Write) => Promise<T>): Promise<T> {
  return store.transaction(async (tx) => {
    // First statement: takes the counter's row lock, which orders this writer after the previous one.
    const [row] = await tx.query<{ value: unknown }>('UPDATE change_counter SET value = value + 1 RETURNING value');
    const version = toNumber(row?.value);
    const audit = async (r: AuditRecord): Promise<void> => {
      await appendAudit(tx, {
        at: at.toISOString(),
        actorUser: (r.actor ?? actor).userId,
        actorDevice: (r.actor ?? actor).deviceId,
        action: r.action,
        subject: r.subject,
        before: r.before ?? null,
        after: r.after ?? null,
      });
    };
    return work({ tx, version, at, audit });
  });
}

/** The change counter now (for tests and pull cursors). */
export async function changeCounter(db: Sql): Promise<number> {
  const [row] = await db.query<{ value: unknown }>('SELECT value FROM change_counter');
  return toNumber(row?.value);
}
