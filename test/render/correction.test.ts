// The correction variant of the data-subject notice: the same notice, opening with a preface that
// it updates the one the person was sent on an earlier day (a per-person token filled in at send).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  formatNoticeDay,
  LOCALES,
  PRIOR_NOTICE_DATE_TOKEN,
  renderSubjectEmail,
  renderSubjectSms,
  substitute,
} from '../../activities/render';
import { CORRECTION_AUDIENCE, noticeVersion, subjectNotices } from '../../activities/render-notices';
import { countSmsSegments } from '../../activities/providers/sms-segments';
import { HOSTILE_TEXT, HOSTILE_TITLE, hostileIncident, incident, org } from './fixtures';

const ESCAPED_TITLE = '&lt;script&gt;alert(1)&lt;/script&gt;';
const ESCAPED_TEXT = 'Attackers used &lt;b&gt;&amp;&quot; in a crafted request.';
const H1 = '<h1 style="font-size:20px;line-height:1.3;">';

describe('the correction variant', () => {
  for (const locale of LOCALES) {
    it(`exists in ${locale} for email and SMS, the preface first and the plain notice after it`, () => {
      const all = subjectNotices(locale, { org, incident });
      const plainEmail = all.find((n) => n.audience === 'individuals' && n.channel === 'email')!;
      const plainSms = all.find((n) => n.audience === 'individuals' && n.channel === 'sms')!;
      const email = all.find((n) => n.audience === CORRECTION_AUDIENCE && n.channel === 'email')!;
      const sms = all.find((n) => n.audience === CORRECTION_AUDIENCE && n.channel === 'sms')!;
      expect(email).toBeDefined();
      expect(sms).toBeDefined();

      // The plain notice carries no preface and no date token.
      for (const part of [plainEmail.subject, plainEmail.html, plainEmail.text, plainSms.text])
        expect(part).not.toContain(PRIOR_NOTICE_DATE_TOKEN);

      // Subject: a prefix, then the plain subject.
      expect(email.subject!.endsWith(plainEmail.subject!)).toBe(true);
      expect(email.subject!.length).toBeGreaterThan(plainEmail.subject!.length);

      // HTML: the preface is the first paragraph in the body, before the heading; the rest is the plain notice.
      const body = email.html!.slice(email.html!.indexOf('<body'));
      const preface = body.indexOf(PRIOR_NOTICE_DATE_TOKEN);
      expect(preface).toBeGreaterThan(0);
      expect(preface).toBeLessThan(body.indexOf(H1));
      expect(body.indexOf('<p')).toBeLessThan(body.indexOf(H1));
      const head = email.html!.slice(0, email.html!.indexOf(H1));
      const rest = email.html!.slice(email.html!.indexOf(H1));
      expect(head).toMatch(/<p style="[^"]*"><strong>[^<]*-priorNoticeDate-[^<]*<\/strong>[^<]+<\/p>\n$/);
      expect(plainEmail.html).toBe(head.replace(/<p style="[^"]*"><strong>[\s\S]*<\/p>\n$/, '') + rest);

      // Text: the preface, a blank line, then the plain notice.
      expect(email.text.startsWith(plainEmail.text)).toBe(false);
      expect(email.text.endsWith(plainEmail.text)).toBe(true);
      const textPreface = email.text.slice(0, email.text.length - plainEmail.text.length);
      expect(textPreface).toContain(PRIOR_NOTICE_DATE_TOKEN);
      expect(textPreface.endsWith('\n\n')).toBe(true);

      // SMS: a short first sentence naming the day, then the plain SMS.
      expect(sms.text.endsWith(plainSms.text)).toBe(true);
      const smsPreface = sms.text.slice(0, sms.text.length - plainSms.text.length);
      expect(smsPreface).toContain(PRIOR_NOTICE_DATE_TOKEN);
      expect(smsPreface.length).toBeLessThan(60);
    });

    it(`escapes the notice after the preface in ${locale}, and fills in the day per person`, () => {
      const email = renderSubjectEmail(locale, { org, incident: hostileIncident }, { correction: true });
      expect(email.html).not.toContain('<script>');
      expect(email.html).not.toContain('<b>');
      expect(email.html).toContain(ESCAPED_TITLE);
      expect(email.html).toContain(ESCAPED_TEXT);
      expect(email.text).toContain(HOSTILE_TITLE);
      expect(email.text).toContain(HOSTILE_TEXT);

      const day = formatNoticeDay('2026-11-02T23:30:00.000Z', locale);
      expect(day).toMatch(/2026/);
      // Safe in HTML as it is: the same value serves every part.
      expect(day).not.toMatch(/[<>&"'`]/);
      const sms = renderSubjectSms(locale, { org, incident }, { correction: true });
      const sent = substitute(sms, { recipientName: 'A' }, 'text', locale).split(PRIOR_NOTICE_DATE_TOKEN).join(day);
      expect(sent).toContain(day);
      expect(sent).not.toContain('-priorNoticeDate');
      // The preface costs at most one more segment than the plain SMS.
      const plain = renderSubjectSms(locale, { org, incident });
      expect(countSmsSegments(sent).segments).toBeLessThanOrEqual(countSmsSegments(plain).segments + 1);
    });
  }

  it('reads as written in English', () => {
    const email = renderSubjectEmail('en', { org, incident }, { correction: true });
    expect(email.subject).toBe(`Update to our earlier notice: ${renderSubjectEmail('en', { org, incident }).subject}`);
    expect(email.html).toContain(
      '<strong>This notice updates the one we sent you on -priorNoticeDate-.</strong> What has changed is in the notice below, which replaces the earlier one.',
    );
    expect(email.text.split('\n')[0]).toBe(
      'This notice updates the one we sent you on -priorNoticeDate-. What has changed is in the notice below, which replaces the earlier one.',
    );
    expect(renderSubjectSms('en', { org, incident }, { correction: true })).toMatch(
      /^Update to our message of -priorNoticeDate-: Example Learning Ltd: /,
    );
    expect(formatNoticeDay('2026-11-02T23:30:00.000Z', 'en')).toBe('November 2, 2026');
  });

  it('a name holding the date token does not pull the day into it', () => {
    expect(substitute('-recipientName-', { recipientName: 'x-priorNoticeDate-y' }, 'text', 'en')).toBe('xy');
  });
});

describe('the notice version', () => {
  const set = () => LOCALES.flatMap((l) => subjectNotices(l, { org, incident }));

  it('covers the correction text: changing only the preface changes the version', () => {
    const notices = set();
    const before = noticeVersion(notices);
    expect(noticeVersion(set())).toBe(before);
    const changed = notices.map((n) =>
      n.audience === CORRECTION_AUDIENCE && n.locale === 'de' && n.channel === 'sms'
        ? { ...n, text: n.text.replace('Aktualisierung', 'Berichtigung') }
        : n,
    );
    expect(changed).not.toEqual(notices);
    expect(noticeVersion(changed)).not.toBe(before);
  });

  it('is the hash it always was for a set without correction variants', () => {
    const plain = set().filter((n) => n.audience !== CORRECTION_AUDIENCE);
    // The hash of the sorted notices alone: nothing else was added to what is hashed.
    // Notices had no legal variant field before issue 14: the default variant hashes without it.
    const sorted = [...plain]
      .sort((a, b) => `${a.audience}|${a.locale}|${a.channel}`.localeCompare(`${b.audience}|${b.locale}|${b.channel}`))
      .map(({ variant: _v, ...n }) => n);
    expect(noticeVersion(plain)).toBe(
      createHash('sha256')
        .update(JSON.stringify({ notices: sorted }))
        .digest('hex'),
    );
  });
});
