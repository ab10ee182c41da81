import { describe, expect, it } from 'vitest';
import {
  LOCALES,
  RECIPIENT_NAME_TOKEN,
  renderControllerEmail,
  renderPublicNotice,
  renderRegulatorReport,
  renderSubjectEmail,
  renderSubjectSms,
  STAFF_LOCALES,
  substitute,
} from '../../activities/render';
import { applySubstitutions } from '../../activities/providers/local-outbox';
import { HTML_NAME_KEY, nameSubstitutions } from '../../activities/send-notice-page';
import { incident, org, orgWithoutOptional, sparseIncident } from './fixtures';
import { MARKERS } from './locale-markers';
import { regulator } from './render-inputs';

const NAME = '<b>Zoë & "Ann"</b> 李雷';
const ESCAPED_NAME = '&lt;b&gt;Zoë &amp; &quot;Ann&quot;&lt;/b&gt; 李雷';

describe('person-facing notices in every shipped locale', () => {
  for (const locale of LOCALES) {
    const m = MARKERS[locale];

    it(`renders the email in ${locale} in strict mode, with and without the optional values`, () => {
      // Templates compile strict: a variable the context lacks throws instead of rendering blank.
      for (const [o, i] of [
        [org, incident],
        [orgWithoutOptional, sparseIncident],
      ] as const) {
        const email = renderSubjectEmail(locale, { org: o, incident: i });
        expect(email.subject).toContain(o.legalName);
        expect(email.html).toContain(`<html lang="${locale}">`);
        for (const out of [email.html, email.text]) {
          expect(out).toContain(RECIPIENT_NAME_TOKEN);
          expect(out).toContain(i.reference);
          expect(out).toContain(o.dpo.name);
          expect(out).toContain(o.dpo.email);
        }
      }
    });

    it(`puts the person's name in escaped in HTML and raw in text (${locale})`, () => {
      const email = renderSubjectEmail(locale, { org, incident });
      const html = substitute(email.html, { recipientName: NAME }, 'html', locale);
      const text = substitute(email.text, { recipientName: NAME }, 'text', locale);
      expect(html).toContain(ESCAPED_NAME);
      expect(html).not.toContain('<b>');
      expect(text).toContain(NAME);
      expect(substitute(email.text, { recipientName: null }, 'text', locale)).toContain(m.neutralGreeting);
      expect(substitute(email.html, { recipientName: ' ' }, 'html', locale)).toContain(m.neutralGreeting);
    });

    it(`keeps the name escaped through the send path's substitutions (${locale})`, () => {
      const approved = renderSubjectEmail(locale, { org, incident });
      const html = approved.html.split(RECIPIENT_NAME_TOKEN).join(HTML_NAME_KEY);
      for (const name of [
        NAME,
        '<img src=x onerror=alert(1)>-recipientName-',
        '-recipientNameHtml-<script>x</script>',
      ]) {
        const sent = applySubstitutions(html, nameSubstitutions(name, locale));
        expect(sent, name).not.toMatch(/<img|<script|<b>/);
        expect(sent, name).not.toContain(RECIPIENT_NAME_TOKEN);
      }
    });

    it(`gives the organisation's and the DPO's contact details in the email and the public notice (${locale})`, () => {
      const email = renderSubjectEmail(locale, { org, incident });
      const page = renderPublicNotice(locale, { org, incident, publishedAt: '2025-03-06T09:00:00Z' });
      for (const out of [email.html, email.text, page]) {
        expect(out).toContain(org.legalName);
        expect(out).toContain('Dana Data');
        expect(out).toContain('dpo@example.org');
        expect(out).toContain('+353 1 555 0100');
        expect(out).toContain('https://example.org/privacy');
      }
      expect(email.html).toContain('href="mailto:dpo@example.org"');
      expect(page).toContain(`<html lang="${locale}">`);
      expect(page).toContain(m.published);
      // The section headings appear once each, in the order of the en notice.
      const headings = [...page.matchAll(/<h2>(.*?)<\/h2>/g)].map((x) => x[1]);
      expect(headings).toEqual(m.headings);
    });

    it(`renders the SMS in ${locale} without a name and with a contact`, () => {
      const sms = renderSubjectSms(locale, { org, incident: sparseIncident });
      expect(sms).toContain(org.legalName);
      expect(sms).toContain('dpo@example.org');
      expect(sms).not.toContain(RECIPIENT_NAME_TOKEN);
      expect(renderSubjectSms(locale, { org: orgWithoutOptional, incident: sparseIncident })).not.toMatch(/, \.|、。/);
    });
  }

  it('writes dates in the reader\u2019s language', () => {
    const dates: Record<string, string> = {
      de: '4. März 2025 um 14:05 UTC',
      fr: '4 mars 2025 à 14:05 UTC',
      es: '4 de marzo de 2025',
      'pt-BR': '4 de março de 2025',
      ja: '2025年3月4日 14:05 UTC',
      ko: '2025년 3월 4일 14:05 UTC',
    };
    for (const [locale, date] of Object.entries(dates)) {
      expect(renderSubjectEmail(locale as (typeof LOCALES)[number], { org, incident }).text, locale).toContain(date);
    }
  });
});

describe('staff and regulator documents in a person-only locale', () => {
  it('are English throughout, labels included, rather than half translated', () => {
    for (const locale of LOCALES.filter((l) => !STAFF_LOCALES.includes(l))) {
      const report = renderRegulatorReport(locale, {
        org,
        incident,
        regulator,
        phase: 'initial',
        content: ['nature', 'categories_of_data'],
        delayReason: null,
        holdNote: null,
      });
      expect(report.html, locale).toContain('<html lang="en">');
      expect(report.html, locale).toContain('Payment card details');
      expect(report.html, locale).toContain('<h2>Nature of the breach</h2>');
      const controller = renderControllerEmail(locale, { org, incident, controller: { name: 'Acme School Board' } });
      expect(controller.html, locale).toContain('<html lang="en">');
      expect(controller.text, locale).toContain('Payment card details');
    }
  });
});
