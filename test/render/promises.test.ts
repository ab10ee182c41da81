import { describe, expect, it } from 'vitest';
import { renderPublicNotice, renderSubjectEmail } from '../../activities/render';
import { incident, org } from './fixtures';

// The promises from shared/seeds: the basic situation and possible impact, the
// measures taken or to be taken, what people can do to reduce the risk,
// remedies, and a contact point.
describe('the data-subject notice keeps the promises', () => {
  it('with no custom narrative, from the built-in defaults (en)', () => {
    const { html, text } = renderSubjectEmail('en', { org, incident });
    for (const out of [html, text]) {
      expect(out).toMatch(/what happened/i);
      expect(out).toContain('we became aware of a security incident');
      expect(out).toMatch(/what this may mean for you/i);
      expect(out).toContain('Someone could make unauthorised purchases with your card.');
      expect(out).toMatch(/what we have done/i);
      expect(out).toMatch(/what we will do next/i);
      expect(out).toMatch(/what you can do/i);
      expect(out).toContain('Change your password now');
      expect(out).toContain('credit freeze');
      expect(out).toContain('your bank or card issuer');
      expect(out).toMatch(/rights and remedies/i);
      expect(out).toContain('lodge a complaint');
      expect(out).toContain('dpo@example.org');
      expect(out).toContain('Dana Data');
      expect(out).toContain('+353 1 555 0100');
    }
  });

  it('with no custom narrative, from the built-in defaults (zh-CN)', () => {
    const { html } = renderSubjectEmail('zh-CN', { org, incident });
    for (const heading of [
      '事件概况',
      '可能对您造成的影响',
      '我们已采取的措施',
      '我们将采取的措施',
      '您可以采取的措施',
      '您的权利与补救措施',
      '联系我们',
    ]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toContain('请立即修改密码');
    expect(html).toContain('dpo@example.org');
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

  it('the public notice carries the same promises and no per-person token', () => {
    const page = renderPublicNotice('en', { org, incident, publishedAt: '2025-03-06T09:00:00Z' });
    for (const heading of [
      'What happened',
      'What this may mean for you',
      'What we have done',
      'What we will do next',
      'What you can do',
      'Your rights and remedies',
      'Contact us',
    ]) {
      expect(page).toContain(`<h2>${heading}</h2>`);
    }
    expect(page).not.toContain('-recipientName-');
    expect(page).toContain('Published March 6, 2025 at 09:00 UTC');
  });
});
