// What the approval page says about telephone calls: under a policy that calls, which of
// the incident's people would hear the English script because their language has no
// voice (activities/render/call-voices.ts). Null when the policy places no calls.
import { callLanguageFallbacks } from '../../activities/render/call-voices';
import { listSubjectLocales } from '../../store/subject-store';
import type { Db } from '../../store/connection';

export interface CallLanguageNote {
  /** The people's language tags that are read in English on the telephone, with why. */
  english: { locale: string; reason: string }[];
}

export async function callLanguageNote(
  db: Db,
  incidentId: string,
  channelPolicy: string | null | undefined,
): Promise<CallLanguageNote | null> {
  if (channelPolicy !== 'call' && channelPolicy !== 'sms_or_call') return null;
  return { english: callLanguageFallbacks(await listSubjectLocales(db, incidentId)) };
}
