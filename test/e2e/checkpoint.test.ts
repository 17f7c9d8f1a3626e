/**
 * The background checkpoint of a bulk load (db/checkpoint.ts), run as built (dist/): its worker
 * thread is a separate compiled file, which only the build has.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openForWrite } from '../../src/db/open.js';
import { ROOT, tempDir } from '../helpers.js';

const built = path.join(ROOT, 'dist/db/checkpoint.js');
type Checkpoint = typeof import('../../src/db/checkpoint.js');
const load = async (): Promise<Checkpoint> => (await import(built)) as Checkpoint;

describe.skipIf(!fs.existsSync(built))('BackgroundCheckpointer (needs `npm run build`)', () => {
  it('copies the committed WAL into the database file while this connection goes on writing', async () => {
    const { BackgroundCheckpointer } = await load();
    const file = path.join(tempDir(), 'c.db');
    const db = openForWrite(file);
    db.pragma('wal_autocheckpoint = 0'); // as during an ingest: the WAL only grows
    const insert = db.prepare("INSERT INTO meta (key, value) VALUES (?, 'x')");
    db.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(`k${i}`);
    })();
    const background = new BackgroundCheckpointer(file, 60_000);
    background.nudge(true);
    background.nudge(true); // one at a time: ignored while the first runs
    db.transaction(() => {
      for (let i = 5000; i < 6000; i++) insert.run(`k${i}`); // writes go on meanwhile
    })();
    await background.idle();
    expect(background.checkpoints).toBe(1);
    expect(background.checkpointed).toBeGreaterThan(0);
    background.nudge(); // within the minimum interval of the first: left for the next one
    await background.idle();
    expect(background.checkpoints).toBe(1);
    background.nudge(true); // the frames written meanwhile, now
    await background.close();
    expect(background.checkpoints).toBe(2);
    // Nothing left for the final checkpoint to copy, and it can truncate the WAL.
    const [after] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    expect(after!.busy).toBe(0);
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare("SELECT count(*) FROM meta WHERE key LIKE 'k%'").pluck().get()).toBe(6000);
    db.close();
  });

  it('is only an optimisation: a database it cannot open ends it with nothing copied, and no error', async () => {
    const { BackgroundCheckpointer } = await load();
    const background = new BackgroundCheckpointer(path.join(tempDir(), 'missing.db'));
    background.nudge(true);
    await background.close();
    expect(background.checkpointed).toBe(0);
  });
});
