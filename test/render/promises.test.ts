import { describe, expect, it } from 'vitest';
import { LOCALES, renderPublicNotice, renderSubjectEmail } from '../../activities/render';
import { incident, org } from './fixtures';
import { MARKERS, textHeading } from './locale-markers';

// The promises from shared/seeds: the basic situation and possible impact, the
// measures taken or to be taken, what people can do to reduce the risk,
// remedies, and a contact point.
describe('the data-subject notice keeps the promises', () => {
  for (const locale of LOCALES) {
    const m = MARKERS[locale];

    it(`with no custom narrative, from the built-in defaults (${locale})`, () => {
      const { html, text } = renderSubjectEmail(locale, { org, incident });
      for (const heading of m.headings) {
        expect(html, heading).toContain(`<h2>${heading}</h2>`);
        expect(text, heading).toContain(textHeading(locale, heading));
      }
      for (const out of [html, text]) {
        expect(out).toContain(m.aware);
        expect(out).toContain(m.cardRisk);
        expect(out).toContain(m.changePassword);
        expect(out).toContain(m.complaint);
        expect(out).toContain('dpo@example.org');
        expect(out).toContain('Dana Data');
        expect(out).toContain('+353 1 555 0100');
        expect(out).toContain('https://example.org/privacy');
      }
    });

    it(`the public notice carries the same promises and no per-person token (${locale})`, () => {
      const page = renderPublicNotice(locale, { org, incident, publishedAt: '2025-03-06T09:00:00Z' });
      for (const heading of m.headings) expect(page, heading).toContain(`<h2>${heading}</h2>`);
      for (const marker of [m.aware, m.cardRisk, m.changePassword, m.complaint, m.published])
        expect(page).toContain(marker);
      expect(page).toContain('dpo@example.org');
      expect(page).not.toContain('-recipientName-');
    });
  }

  it('gives the en reader the concrete advice for each element', () => {
    const { html, text } = renderSubjectEmail('en', { org, incident });
    for (const out of [html, text]) {
      expect(out).toContain('credit freeze');
      expect(out).toContain('your bank or card issuer');
    }
    const page = renderPublicNotice('en', { org, incident, publishedAt: '2025-03-06T09:00:00Z' });
    expect(page).toContain('Published March 6, 2025 at 09:00 UTC');
  });

  it('uses the assessor\u2019s text where it is given', () => {
    const custom = {
      ...incident,
      narrative: {
        whatHappened: 'A laptop was stolen from a car.',
        likelyConsequences: 'Low: the disk was encrypted.',
        measuresTaken: 'We revoked the laptop\u2019s access.',
        measuresPlanned: 'We will roll out remote wipe.',
        stepsForIndividuals: 'No action is needed.',
        remedies: 'Call us for a free identity-protection service.',
      },
    };
    const { text } = renderSubjectEmail('en', { org, incident: custom });
    for (const value of Object.values(custom.narrative)) expect(text).toContain(value);
    expect(text).not.toContain('Change your password now');
  });
});
