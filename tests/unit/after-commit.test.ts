import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterCommit, trackCommits } from '../../mock/db/after-commit';

describe('afterCommit', () => {
  let db: Database;
  let done: string[];

  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    trackCommits(db);
    db.exec('CREATE TABLE notes (text TEXT NOT NULL)');
    done = [];
  });
  afterEach(() => db.close());

  const write = (text: string) => {
    db.prepare('INSERT INTO notes (text) VALUES (?)').run(text);
    afterCommit(db, () => done.push(`${text}:${db.inTransaction ? 'open' : 'committed'}`));
  };
  const stored = () => db.prepare('SELECT text FROM notes').pluck().all();

  it('runs at once outside a transaction, and after the outermost commit inside one', () => {
    write('alone');
    expect(done).toEqual(['alone:committed']);
    db.transaction(() => {
      write('outer');
      db.transaction(() => write('inner'))();
      expect(done).toEqual(['alone:committed']);
    })();
    expect(done).toEqual(['alone:committed', 'outer:committed', 'inner:committed']);
  });

  it('drops the work of a level that rolled back, and keeps the rest', () => {
    db.transaction(() => {
      write('kept');
      try {
        db.transaction(() => {
          write('undone');
          throw new Error('inner fails');
        })();
      } catch {
        // The outer transaction goes on without the inner one.
      }
    })();
    expect(stored()).toEqual(['kept']);
    expect(done).toEqual(['kept:committed']);

    expect(() =>
      db.transaction(() => {
        write('all undone');
        throw new Error('outer fails');
      })(),
    ).toThrow('outer fails');
    expect(stored()).toEqual(['kept']);
    expect(done).toEqual(['kept:committed']);
  });

  it('tracks the immediate, deferred and exclusive variants too', () => {
    db.transaction(() => write('immediate')).immediate();
    db.transaction(() => write('deferred')).deferred();
    db.transaction(() => write('exclusive')).exclusive();
    expect(done).toEqual(['immediate:committed', 'deferred:committed', 'exclusive:committed']);
  });

  it('runs every job after a commit even when one throws, and the committed call still returns', () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const answer = db.transaction(() => {
        write('first');
        afterCommit(db, () => {
          throw new Error('a socket is gone');
        });
        write('last');
        return 'saved';
      })();
      expect(answer).toBe('saved');
      expect(stored()).toEqual(['first', 'last']);
      expect(done).toEqual(['first:committed', 'last:committed']);
      expect(() =>
        afterCommit(db, () => {
          throw new Error('outside a transaction');
        }),
      ).not.toThrow();
      expect(logged).toHaveBeenCalledTimes(2);
    } finally {
      logged.mockRestore();
    }
  });
});
