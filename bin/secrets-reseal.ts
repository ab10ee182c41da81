// `npm run secrets:reseal`: after a new BREACHLINE_SECRETS_KEY is set and the old
// one moved to BREACHLINE_SECRETS_KEY_PREVIOUS, seals every stored secret (the
// webhook sources made in the UI, the TOTP secrets of two-factor logins) again with the new key, so the old one can be
// dropped from the environment. Safe to run twice; prints counts, never a secret.
// Exit 0 when every value is sealed with the current key, 1 when some could not
// be opened with any key given (left untouched), 2 when it cannot run.
import { loadAppConfig } from '../app.config';
import { runCommand } from './run-command';
import { openDatabase } from '../store/database';
import { migrate } from '../store/migrations';
import { HttpError } from '../server/errors';
import { resealSources } from '../server/use-cases/webhook-sources';
import { resealTotpSecrets } from '../server/use-cases/second-factor';

async function main(): Promise<number> {
  const config = loadAppConfig();
  if (!config.secretKeys.current) {
    console.error(
      'BREACHLINE_SECRETS_KEY: required (the key to seal with); put the old key in BREACHLINE_SECRETS_KEY_PREVIOUS.',
    );
    return 2;
  }
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const r = await resealSources(db, config.secretKeys, { kind: 'system', id: 'cli:secrets-reseal' });
    const totp = await resealTotpSecrets(db, config.secretKeys);
    console.log(`Sealed ${r.resealed} stored secret(s) again with the current key.`);
    console.log(`Sealed ${totp.resealed} two-factor secret(s) again with the current key.`);
    if (r.unreadable.length > 0 || totp.unreadable.length > 0) {
      if (r.unreadable.length > 0)
        console.error(
          `No key given opens the secrets of ${r.unreadable.length} webhook source(s): ${r.unreadable.join(', ')}. They were left as they were; add the key that sealed them to BREACHLINE_SECRETS_KEY_PREVIOUS and run again, or rotate those sources.`,
        );
      if (totp.unreadable.length > 0)
        console.error(
          `No key given opens the two-factor secrets of ${totp.unreadable.length} user(s): ${totp.unreadable.join(', ')}. They were left as they were; add the key that sealed them to BREACHLINE_SECRETS_KEY_PREVIOUS and run again, or have an admin reset their two-factor login.`,
        );
      return 1;
    }
    console.log('BREACHLINE_SECRETS_KEY_PREVIOUS can now be removed.');
    return 0;
  } catch (err) {
    if (err instanceof HttpError) {
      console.error(`${err.field ?? 'error'}: ${err.message}`);
      return 2;
    }
    throw err;
  } finally {
    await db.close();
  }
}

runCommand(main);
