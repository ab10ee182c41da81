// How the people of one import will be reached, so whoever imported them sees at once
// who gets what in which language, and who has no usable contact at all.
import { normalizeLocale } from '../activities/render';
import type { ChannelPolicy } from '../workflows/types';

export interface ContactMix {
  /** As the CSV gave it. */
  locale: string;
  withEmail: boolean;
  withPhone: boolean;
  people: number;
}

/** `phone`: by telephone, as the call policies decide per number (a call, or an SMS to a mobile). */
export type ReachChannel = 'email' | 'sms' | 'email_and_sms' | 'phone' | 'none';

export interface Reach {
  /** The language the notice is rendered in. */
  locale: string;
  channel: ReachChannel;
  people: number;
}

function channelFor(policy: ChannelPolicy, email: boolean, phone: boolean): ReachChannel {
  if (policy === 'email') return email ? 'email' : 'none';
  if (policy === 'both' && email && phone) return 'email_and_sms';
  if ((policy === 'call' || policy === 'sms_or_call') && !email && phone) return 'phone';
  return email ? 'email' : phone ? 'sms' : 'none';
}

export function reachOf(mix: readonly ContactMix[], policy: ChannelPolicy): Reach[] {
  const out = new Map<string, Reach>();
  for (const m of mix) {
    const locale = normalizeLocale(m.locale);
    const channel = channelFor(policy, m.withEmail, m.withPhone);
    const key = `${locale}|${channel}`;
    const r = out.get(key) ?? { locale, channel, people: 0 };
    r.people += m.people;
    out.set(key, r);
  }
  const order: ReachChannel[] = ['email', 'email_and_sms', 'sms', 'phone', 'none'];
  return [...out.values()].sort(
    (a, b) => a.locale.localeCompare(b.locale) || order.indexOf(a.channel) - order.indexOf(b.channel),
  );
}
