// `npm run purge -- <incident>`: deletes the incident's contact data now, keeping the proof of notice
// (refused while the incident is open or under a legal hold). `npm run purge -- <incident> --proof
// <email or phone>` answers, after a purge, whether that address was sent a notice and when.
// Exit 0 done, 1 refused or not found, 2 cannot run.
import os from 'node:os';
import { loadAppConfig } from '../app.config';
import { runCommand } from './run-command';
import { openDatabase } from '../store/database';
import { contactMasterKeys, useContactMasterKeys } from '../store/contact-keys';
import { migrate } from '../store/migrations';
import { addressProof, deliveryRecordsByProof } from '../store/contact-retention';
import { purgeContacts } from '../server/use-cases/contact-retention';
import { HttpError } from '../server/errors';

const USAGE = 'usage: npm run purge -- <incident-id> [--proof <email or phone>]';

async function main(): Promise<number> {
  const [incidentId, flag, address] = process.argv.slice(2);
  if (!incidentId || (flag !== undefined && (flag !== '--proof' || !address))) {
    console.error(USAGE);
    return 2;
  }
  const config = loadAppConfig();
  useContactMasterKeys(contactMasterKeys(config.secretKeys, config.dataDir, { warn: () => undefined }));
  const db = await openDatabase(config);
  try {
    await migrate(db);
    if (flag === '--proof') {
      // A phone number may have been texted or called: both fingerprints are looked up.
      const channels = address!.includes('@') ? ['email'] : ['sms', 'call'];
      const rows = (
        await Promise.all(
          channels.map(async (c) => deliveryRecordsByProof(db, incidentId, await addressProof(db, c, address!))),
        )
      ).flat();
      if (rows.length === 0) {
        console.log(
          `no delivery record of incident ${incidentId} matches that address (or its contact data was not purged yet)`,
        );
        return 1;
      }
      for (const r of rows)
        console.log(
          `${r.sent_at ?? '-'}  ${r.channel}  ${r.status}  provider id ${r.provider_id ?? '-'}  notice ${r.notice_version.slice(0, 12)}`,
        );
      return 0;
    }
    const purge = await purgeContacts(
      db,
      incidentId,
      { kind: 'system', id: `cli:purge:${process.env.USER ?? os.userInfo().username}` },
      config.dataDir,
    );
    console.log(
      `contact data of incident ${incidentId} deleted at ${purge.purged_at}: ${purge.people} people, ${purge.mailbox_messages} dev-mailbox copies, ${purge.rejected_rows} rejected rows; ${purge.proof_rows} delivery records kept as proof`,
    );
    return 0;
  } catch (err) {
    if (err instanceof HttpError && err.status < 500) {
      console.error(`refused: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}

runCommand(main);
