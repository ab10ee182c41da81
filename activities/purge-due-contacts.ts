// The hourly purge of contact data past its retention (workflows/contact-retention). Each incident is
// purged in its own transaction, then its letter files are removed.
import type { Db } from '../store/connection';
import { purgeDue } from '../store/contact-retention';
import { removeLetterFiles } from '../lib/letter-files';
import type { Logger } from '../lib/logger';
import type { ContactRetentionResult } from '../workflows/contact-retention/messages';

export const createPurgeDueContacts =
  (deps: { db: Db; logger: Logger; dataDir?: string; retentionDays: number }) =>
  async (): Promise<ContactRetentionResult> => {
    const purged = await purgeDue(deps.db, deps.retentionDays, { kind: 'system', id: 'contact-retention' });
    for (const incidentId of purged) {
      if (deps.dataDir) removeLetterFiles(deps.dataDir, incidentId);
      deps.logger.info({ incidentId }, 'contact data purged after its retention period');
    }
    return { purged: purged.length };
  };
