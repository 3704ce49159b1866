import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appSettings } from '../../db/schema';

/** The value of an installation setting, created with `make()` the first time it is asked for. */
export function ensureSetting(db: Db, key: string, make: () => string): string {
  return db.transaction((tx) => {
    const existing = tx.select().from(appSettings).where(eq(appSettings.key, key)).get();
    if (existing) return existing.value;
    const value = make();
    tx.insert(appSettings).values({ key, value }).run();
    return value;
  });
}
