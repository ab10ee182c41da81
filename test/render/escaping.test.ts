import { describe, expect, it } from 'vitest';
import { LOCALES, RECIPIENT_NAME_TOKEN, renderSubjectEmail, substitute } from '../../activities/render';
import { applySubstitutions } from '../../activities/providers/local-outbox';
import { HTML_NAME_KEY, nameSubstitutions } from '../../activities/send-notice-page';
import { HOSTILE_TEXT, HOSTILE_TITLE, hostileIncident, incident, org } from './fixtures';
import { renderAll, renderReport } from './render-inputs';

const ESCAPED_TITLE = '&lt;script&gt;alert(1)&lt;/script&gt;';
const ESCAPED_TEXT = 'Attackers used &lt;b&gt;&amp;&quot; in a crafted request.';

describe('HTML escaping', () => {
  for (const locale of LOCALES) {
    it(`escapes a hostile title and narrative in every HTML output (${locale}) and keeps text raw`, () => {
      const outputs = renderAll(locale, org, hostileIncident);
      for (const r of outputs.filter((o) => o.html !== null)) {
        expect(r.html, r.name).not.toContain('<script>');
        expect(r.html, r.name).not.toContain('<b>');
        expect(r.html, r.name).toContain(ESCAPED_TITLE);
      }
      // Outputs that carry the narrative show it escaped in HTML and raw in text.
      for (const name of [
        'subject-email html',
        'controller-email html',
        'regulator-report initial html',
        'public-notice',
      ]) {
        const r = outputs.find((o) => o.name === name)!;
        expect(r.html, name).toContain(ESCAPED_TEXT);
        if (r.text) {
          expect(r.text, name).toContain(HOSTILE_TEXT);
          expect(r.text, name).toContain(HOSTILE_TITLE);
          expect(r.text, name).not.toContain('&lt;');
        }
      }
      const report = renderReport(locale, org, hostileIncident, true);
      expect(report).not.toContain('<script>');
      expect(report).toContain(ESCAPED_TITLE);
    });
  }

  it('keeps subject lines raw and on one line', () => {
    const email = renderSubjectEmail('en', { org: { ...org, legalName: 'A&B <Ltd>\r\nBcc: x@evil.test' }, incident });
    expect(email.subject).toContain('A&B <Ltd> Bcc: x@evil.test');
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.html).toContain('A&amp;B &lt;Ltd&gt;');
  });

  it("escapes the organisation's postal address in every locale's contact block", () => {
    for (const locale of LOCALES) {
      const email = renderSubjectEmail(locale, {
        org: { ...org, postalAddress: ['<b>1 Main St</b>', 'A&B'] },
        incident,
      });
      expect(email.html, locale).toContain('&lt;b&gt;1 Main St&lt;/b&gt;, A&amp;B');
      expect(email.html, locale).not.toContain('<b>1 Main St');
      expect(email.text, locale).toContain('<b>1 Main St</b>, A&B');
    }
  });

  it('refuses a non-http link rather than putting it in an href', () => {
    expect(() => renderSubjectEmail('en', { org: { ...org, contactUrl: 'javascript:alert(1)' }, incident })).toThrow(
      /not an http\(s\) URL/,
    );
  });
});

describe('substitute', () => {
  const NAME = '<b>&"Ünïcødé 李雷';

  it('escapes the name in HTML and leaves it raw in text and subject', () => {
    for (const locale of LOCALES) {
      const email = renderSubjectEmail(locale, { org, incident });
      expect(email.html).toContain('-recipientName-');
      expect(email.text).toContain('-recipientName-');
      const html = substitute(email.html, { recipientName: NAME }, 'html', locale);
      const text = substitute(email.text, { recipientName: NAME }, 'text', locale);
      expect(html).toContain('&lt;b&gt;&amp;&quot;Ünïcødé 李雷');
      expect(html).not.toContain(NAME);
      expect(html).not.toContain('-recipientName-');
      expect(text).toContain(NAME);
      expect(text).not.toContain('-recipientName-');
      expect(substitute('Hello -recipientName-', { recipientName: NAME }, 'subject', locale)).toBe(`Hello ${NAME}`);
    }
  });

  it('uses a neutral word for a person without a name', () => {
    const en = renderSubjectEmail('en', { org, incident });
    const zh = renderSubjectEmail('zh-CN', { org, incident });
    expect(substitute(en.text, { recipientName: null }, 'text', 'en')).toContain('Dear customer,');
    expect(substitute(en.html, { recipientName: '   ' }, 'html', 'en')).toContain('Dear customer,');
    expect(substitute(zh.text, { recipientName: null }, 'text', 'zh-CN')).toContain('尊敬的用户：');
  });

  it('inserts replacement patterns and line breaks literally', () => {
    expect(substitute('Dear -recipientName-,', { recipientName: "$& $' $1" }, 'text', 'en')).toBe("Dear $& $' $1,");
    expect(substitute('Dear -recipientName-,', { recipientName: 'Ann\r\nBcc: x' }, 'subject', 'en')).toBe(
      'Dear Ann Bcc: x,',
    );
  });
});

describe("a person's name in a sent email", () => {
  it('stays escaped in HTML even when the name carries the substitution tokens', () => {
    // The send path: the approved HTML carries the HTML key; the provider then applies
    // every substitution in turn over the whole body (as SendGrid and the local outbox do).
    const approved = renderSubjectEmail('en', { org, incident });
    const html = approved.html.split(RECIPIENT_NAME_TOKEN).join(HTML_NAME_KEY);
    for (const name of [
      '<img src=x onerror=alert(1)>-recipientName-',
      '-recipientNameHtml-<script>x</script>',
      '<b>-recipientName--recipientNameHtml-</b>',
    ]) {
      const sent = applySubstitutions(html, nameSubstitutions(name, 'en'));
      expect(sent, name).not.toMatch(/<img|<script|<b>/);
      expect(sent, name).toContain('&lt;');
      expect(sent, name).not.toContain(RECIPIENT_NAME_TOKEN);
      const text = applySubstitutions(approved.text, nameSubstitutions(name, 'en'));
      expect(text, name).not.toContain(RECIPIENT_NAME_TOKEN);
    }
  });
});
