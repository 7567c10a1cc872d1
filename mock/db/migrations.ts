import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';

const MIGRATIONS_DIR = path.join(__dirname, '..', 'migrations');
/** `001-init.sql`: the number orders the files and is the version recorded once applied. */
const MIGRATION_FILE = /^(\d+)-[\w-]+\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .map((name) => ({ name, match: MIGRATION_FILE.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => ({ version: Number(match[1]), name, sql: fs.readFileSync(path.join(dir, name), 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

/** Applies, in order and each in its own transaction, the migrations this database has not seen yet. */
export function migrate(db: Database, migrations = readMigrations()): string[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version),
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const appliedNow: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
    })();
    appliedNow.push(migration.name);
  }
  return appliedNow;
}
