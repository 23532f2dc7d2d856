import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCode, enrollDevice } from '../../../src-main/hub/accounts/devices';
import { addUser, checkPassword } from '../../../src-main/hub/accounts/users';
import { HubError } from '../../../src-main/hub/errors';
import { migrate, MIGRATIONS } from '../../../src-main/hub/migrations/migrate';
import { writeTail } from '../../../src-main/hub/store/store';
import { changeCounter, writeTransaction } from '../../../src-main/hub/store/writeTransaction';
import { STORES, type TestStore } from './stores';

const AT = new Date('2026-03-02T01:00:00.000Z');
const CLI = { userId: null, deviceId: null };
const minutes = (n: number) => new Date(AT.getTime() + n * 60_000);

describe.each(STORES)('hub store on $name', (factory) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await factory.open();
  });
  afterAll(() => t.dispose());

  it('migrations: applied once, recorded, and a second run applies nothing', async () => {
    expect(await migrate(t.store)).toEqual([]);
    const rows = await t.store.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  });

  it('a failing migration leaves nothing behind', async () => {
    const broken = [...MIGRATIONS, { version: 999, name: '999_broken', sql: 'CREATE TABLE half_done (x int); SELECT * FROM no_such_table;' }];
    await expect(migrate(t.store, broken)).rejects.toThrow();
    expect(await t.store.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'")).toEqual([]);
    expect(await t.store.query('SELECT 1 FROM schema_migrations WHERE version = 999')).toEqual([]);
  });

  it('writeTail: small writes as one WITH statement, large ones in slices, the same rows either way', async () => {
    await t.store.exec('CREATE TABLE tail_a (n int PRIMARY KEY, note text); CREATE TABLE tail_b (n int PRIMARY KEY, payload jsonb); CREATE TABLE tail_c (k text PRIMARY KEY, v int)');
    await t.store.query("INSERT INTO tail_c (k, v) VALUES ('head', 0)");
    const seen: string[] = [];
    await t.store.transaction(async (tx) => {
      const watched = { exec: (text: string) => tx.exec(text), query: <Row,>(text: string, params?: readonly unknown[]) => (seen.push(text), tx.query<Row>(text, params)) };
      await writeTail(watched, [
        { insert: 'INSERT INTO tail_a (n, note)', rows: [[1, '一'], [2, '二']] },
        { insert: 'INSERT INTO tail_b (n, payload)', rows: [] },
        { insert: 'INSERT INTO tail_b (n, payload)', rows: [[1, JSON.stringify({ a: [1, 2] })]] },
        { statement: (param) => `UPDATE tail_c SET v = ${param(2)} WHERE k = ${param('head')}` },
      ]);
    });
    expect(seen).toEqual([
      'WITH w0 AS (INSERT INTO tail_a (n, note) VALUES ($1, $2), ($3, $4)), w1 AS (INSERT INTO tail_b (n, payload) VALUES ($5, $6)) UPDATE tail_c SET v = $7 WHERE k = $8',
    ]);
    expect(await t.store.query('SELECT n, note FROM tail_a ORDER BY n')).toEqual([{ n: 1, note: '一' }, { n: 2, note: '二' }]);
    expect(await t.store.query('SELECT payload FROM tail_b')).toEqual([{ payload: { a: [1, 2] } }]);
    expect(await t.store.query('SELECT v FROM tail_c')).toEqual([{ v: 2 }]);
    // 10,500 rows of two values: past the combined statement's limit, so slices of 500 and then the update.
    seen.length = 0;
    const many = Array.from({ length: 10_500 }, (_, i) => [i + 10, `行${i}`]);
    await t.store.transaction(async (tx) => {
      const watched = { exec: (text: string) => tx.exec(text), query: <Row,>(text: string, params?: readonly unknown[]) => (seen.push(text.slice(0, 26)), tx.query<Row>(text, params)) };
      await writeTail(watched, [{ insert: 'INSERT INTO tail_a (n, note)', rows: many }, { statement: (param) => `UPDATE tail_c SET v = ${param(3)}` }]);
    });
    expect(seen).toEqual([...Array<string>(21).fill('INSERT INTO tail_a (n, not'), 'UPDATE tail_c SET v = $1']);
    expect(await t.store.query('SELECT count(*)::int AS n, max(n) AS top FROM tail_a')).toEqual([{ n: 10_502, top: 10_509 }]);
    expect(await t.store.query('SELECT v FROM tail_c')).toEqual([{ v: 3 }]);
    // Inserts into the same columns, queued by several writers (a group commit), become one, in the first's place.
    seen.length = 0;
    await t.store.transaction(async (tx) => {
      const watched = { exec: (text: string) => tx.exec(text), query: <Row,>(text: string, params?: readonly unknown[]) => (seen.push(text), tx.query<Row>(text, params)) };
      await writeTail(watched, [
        { insert: 'INSERT INTO tail_a (n, note)', rows: [[5, 'x']] },
        { statement: (param) => `UPDATE tail_c SET v = ${param(4)}` },
        { insert: 'INSERT INTO tail_b (n, payload)', rows: [[7, '{}']] },
        { insert: 'INSERT INTO tail_a (n, note)', rows: [[6, 'y'], [7, 'z']] },
      ]);
    });
    expect(seen).toEqual(['WITH w0 AS (INSERT INTO tail_a (n, note) VALUES ($1, $2), ($3, $4), ($5, $6)), w1 AS (UPDATE tail_c SET v = $7) INSERT INTO tail_b (n, payload) VALUES ($8, $9)']);
    expect(await t.store.query('SELECT n, note FROM tail_a WHERE n BETWEEN 5 AND 7 ORDER BY n')).toEqual([{ n: 5, note: 'x' }, { n: 6, note: 'y' }, { n: 7, note: 'z' }]);
    expect(await t.store.query('SELECT n FROM tail_b ORDER BY n')).toEqual([{ n: 1 }, { n: 7 }]);
    await t.store.exec('DROP TABLE tail_a; DROP TABLE tail_b; DROP TABLE tail_c');
  });

  it('user add: the right password verifies, a wrong one and an unknown user do not', async () => {
    await addUser(t.store, { username: 'li.ming', displayName: '李明', role: 'inspector', district: '海淀区', password: 'correct horse' }, CLI, AT);
    expect(await checkPassword(t.store, 'li.ming', 'correct horse')).toMatchObject({ username: 'li.ming', displayName: '李明', role: 'inspector', district: '海淀区' });
    expect(await checkPassword(t.store, 'li.ming', 'wrong horse')).toBeUndefined();
    expect(await checkPassword(t.store, 'nobody', 'correct horse')).toBeUndefined();
    const [row] = await t.store.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'li.ming'");
    expect(row?.password_hash).toMatch(/^scrypt\$15\$8\$1\$/);
  });

  it('user add: a taken username is refused and nothing is written', async () => {
    const before = await changeCounter(t.store);
    const again = addUser(t.store, { username: 'li.ming', displayName: 'x', role: 'lead', district: '海淀区', password: 'another one' }, CLI, AT);
    await expect(again).rejects.toMatchObject({ code: 'username-taken' });
    expect(await changeCounter(t.store)).toBe(before);
  });

  it('pairing code: works within 10 minutes, only once', async () => {
    await addUser(t.store, { username: 'wang', displayName: '王', role: 'inspector', district: '海淀区', password: 'correct horse' }, CLI, AT);
    const { code, expiresAt } = await createPairingCode(t.store, 'wang', CLI, AT);
    expect(expiresAt).toBe('2026-03-02T01:10:00.000Z');
    const enrolled = await enrollDevice(t.store, code.toLowerCase(), 'laptop', minutes(9.99));
    expect(enrolled.user.username).toBe('wang');
    expect(enrolled.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(enrollDevice(t.store, code, 'second laptop', minutes(9.99))).rejects.toMatchObject({ code: 'pairing-code-invalid' });
  });

  it('pairing code: refused at 10 minutes and after', async () => {
    const { code } = await createPairingCode(t.store, 'wang', CLI, AT);
    await expect(enrollDevice(t.store, code, 'laptop', minutes(10))).rejects.toBeInstanceOf(HubError);
    const [row] = await t.store.query<{ used_at: unknown }>('SELECT used_at FROM pairing_codes WHERE expires_at = $1 AND used_at IS NULL', ['2026-03-02T01:10:00.000Z']);
    expect(row?.used_at).toBeNull();
  });

  it('change counter: advanced exactly once per write transaction, not at all on rollback', async () => {
    const start = await changeCounter(t.store);
    await writeTransaction(t.store, CLI, AT, async (w) => {
      expect(w.version).toBe(start + 1);
      await w.audit({ action: 'test.a', subject: 's' });
      await w.audit({ action: 'test.b', subject: 's' });
    });
    expect(await changeCounter(t.store)).toBe(start + 1);
    await createPairingCode(t.store, 'wang', CLI, AT);
    expect(await changeCounter(t.store)).toBe(start + 2);
    await expect(writeTransaction(t.store, CLI, AT, () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await changeCounter(t.store)).toBe(start + 2);
  });
});
