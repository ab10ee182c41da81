// Per person, whether the notice their law requires is met by the channels it went out on (issue 14): an SMS
// or a call counts only where the law accepts it (the rules' `channels` of each notice to individuals).
import type { Db } from '../../store/connection';
import { getIncident, parseState } from '../../store/incident-store';
import { listSubjectReach } from '../../store/subject-store';
import type { TrackedObligation } from '../../workflows/types';

export type NoticeVerdict = 'met' | 'met_if_consented' | 'not_met';

type Channels = NonNullable<TrackedObligation['channels']>;

/** Whether channels used meet a law's notice: one that counts on its own, else one that counts with consent. */
export function noticeVerdict(channels: Channels, used: readonly string[]): NoticeVerdict {
  const how = used.map((c) => channels[c as keyof Channels]);
  if (how.includes('counts')) return 'met';
  if (how.includes('with_consent')) return 'met_if_consented';
  return 'not_met';
}

const VERDICT_TEXT: Record<NoticeVerdict, string> = {
  met: 'met',
  met_if_consented: 'met only if the person agreed to electronic notice',
  not_met: 'not met by the channels used',
};

export interface PersonNoticeStatus {
  id: number;
  name: string | null;
  jurisdiction: string | null;
  channels: string[];
  laws: { basis: string; verdict: NoticeVerdict; text: string; counting: string }[];
}

/**
 * The incident's people (the first `limit`) with, for each law whose notice to individuals applies to them and
 * models its channels (their US state's; HIPAA's for everyone), whether the channels used meet it.
 */
export async function legalNoticeStatusOf(db: Db, incidentId: string, limit = 100): Promise<PersonNoticeStatus[]> {
  const obligations = await noticeObligationsOf(db, incidentId);
  if (obligations.length === 0) return [];
  const people = await listSubjectReach(db, incidentId, limit);
  return people.map((p) => {
    const used = p.channels ? p.channels.split(',') : [];
    const laws = lawsOfResidence(obligations, p.jurisdiction).map((o) => {
      const verdict = noticeVerdict(o.channels!, used);
      const counting = Object.entries(o.channels!)
        .map(([c, how]) => (how === 'counts' ? c : `${c} (${how === 'with_consent' ? 'with consent' : 'in addition'})`))
        .join(', ');
      return { basis: o.basis, verdict, text: VERDICT_TEXT[verdict], counting };
    });
    return { id: p.id, name: p.name, jurisdiction: p.jurisdiction, channels: used, laws };
  });
}

/** The incident's required notices to individuals that model which channels count. */
export async function noticeObligationsOf(db: Db, incidentId: string): Promise<TrackedObligation[]> {
  const row = await getIncident(db, incidentId);
  return (row ? (parseState(row)?.obligations ?? []) : []).filter(
    (o) => o.audience === 'individuals' && o.required && o.status !== 'superseded' && o.channels,
  );
}

/** Of those, the ones a person's residence brings: their US state's, and HIPAA's for everyone. */
export function lawsOfResidence(
  obligations: readonly TrackedObligation[],
  jurisdiction: string | null,
): TrackedObligation[] {
  const state = /^US-([A-Z]{2})$/i.exec(jurisdiction ?? '')?.[1]?.toLowerCase();
  return obligations.filter((o) => o.regime === `us-${state}` || o.regime === 'us-hipaa');
}
