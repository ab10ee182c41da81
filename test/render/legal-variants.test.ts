// Each US state's notice to residents follows its statute: every state in the catalog is rendered
// from the obligations the rules engine gives for it, and the blocks its `content` asks for must be
// there, the ones its `contentProhibited` forbids must not. California and Massachusetts are also
// checked word for word, so a renderer that ignored the rules would fail here.
import { describe, expect, it } from 'vitest';
import { LEGAL_BLOCK_ELEMENTS, legalVariants, renderSubjectEmail, type LegalNotice } from '../../activities/render';
import { subjectNotices } from '../../activities/render-notices';
import { STATE_LAWS } from '../../rules/regimes/us-states/index';
import { run } from '../rules/helpers';
import { incident, org } from './fixtures';

const NATURE = 'Someone used a stolen staff password to copy part of our customer database.';
const COUNT = 123456;
const COUNT_TEXTS = ['123,456', '123456', '123 456', '123.456'];

const stateIncident = {
  ...incident,
  approximatePeople: COUNT,
  narrative: { ...incident.narrative, whatHappened: NATURE },
};

/** Where the default English notice says each element a law may ask for: a state with no variant relies on it. */
const IN_DEFAULT: Record<string, string> = {
  nature: '<h2>What happened</h2>',
  categories_of_data: '<h2>What information was involved</h2>',
  measures_taken: '<h2>What we have done</h2>',
  steps_for_individuals: '<h2>What you can do</h2>',
  remedies: '<h2>Your rights and remedies</h2>',
  contact_point: '<h2>Contact us</h2>',
};

function legalFor(
  code: string,
  offered = true,
): { notice: LegalNotice | null; content: string[]; prohibited: string[] } {
  const obligations = run({
    affected: { [`US-${code}`]: COUNT },
    dataElements: ['name', 'national_id', 'drivers_license', 'email', 'account_credentials', 'payment_card'],
  });
  const ind = obligations.find((o) => o.audience === 'individuals' && o.regime === `us-${code.toLowerCase()}`)!;
  const variant = legalVariants(obligations).find((v) => v.key === `us-${code.toLowerCase()}`);
  return {
    notice: variant
      ? {
          variant,
          noticeDate: '2026-03-09T10:00:00Z',
          delayedByLawEnforcement: false,
          identityProtectionOffered: offered,
        }
      : null,
    content: ind.content,
    prohibited: ind.contentProhibited ?? [],
  };
}

describe('the notice to residents of each US state', () => {
  for (const law of STATE_LAWS) {
    it(`${law.code}: carries what its law asks for and leaves out what it forbids`, () => {
      const { notice, content, prohibited } = legalFor(law.code);
      if (!notice) {
        // No variant: the law asks only for what the default notice says, and forbids nothing.
        expect(prohibited).toEqual([]);
        const email = renderSubjectEmail('en', { org, incident: stateIncident });
        for (const element of content) expect(email.html, `${law.code} ${element}`).toContain(IN_DEFAULT[element]);
        return;
      }
      const email = renderSubjectEmail('en', { org, incident: stateIncident }, { legal: notice });
      for (const element of content) {
        if (!LEGAL_BLOCK_ELEMENTS.includes(element)) continue;
        expect(email.html, `${law.code} ${element}`).toContain(`data-content="${element}"`);
      }
      for (const element of prohibited) expect(email.html).not.toContain(`data-content="${element}"`);
      if (prohibited.includes('nature')) {
        for (const part of [email.subject, email.html, email.text]) expect(part).not.toContain(NATURE);
        expect(email.html).not.toContain(incident.title);
      }
      if (prohibited.includes('approximate_people'))
        for (const part of [email.subject, email.html, email.text])
          for (const n of COUNT_TEXTS) expect(part).not.toContain(n);
      if (content.includes('nature') && !prohibited.includes('nature')) expect(email.text).toContain(NATURE);
      if (content.includes('approximate_people') && !prohibited.includes('approximate_people'))
        expect(email.text).toContain('123,456');
    });
  }

  it('every element a state asks of its notice to residents has a block', () => {
    const asked = new Set(STATE_LAWS.flatMap((law) => (legalFor(law.code).notice ? legalFor(law.code).content : [])));
    expect([...asked].filter((e) => !LEGAL_BLOCK_ELEMENTS.includes(e))).toEqual([]);
  });
});

describe('California (Cal. Civ. Code 1798.82(d))', () => {
  it('is titled "Notice of Data Breach", dated, under the statute headings, with the offer of services', () => {
    const email = renderSubjectEmail('en', { org, incident: stateIncident }, { legal: legalFor('CA').notice! });
    expect(email.html).toContain('<h1 style="font-size:20px;line-height:1.3;">Notice of Data Breach</h1>');
    expect(email.text.startsWith('NOTICE OF DATA BREACH\n')).toBe(true);
    const headings = [
      'What Happened',
      'What Information Was Involved',
      'What We Are Doing',
      'What You Can Do',
      'For More Information',
    ];
    let at = 0;
    for (const h of headings) {
      const next = email.html.indexOf(`<h2>${h}</h2>`);
      expect(next, h).toBeGreaterThan(at);
      at = next;
      expect(email.text).toContain(`${h.toUpperCase()}\n`);
    }
    expect(email.text).toContain('Date of this notice: March 9, 2026');
    expect(email.text).toContain(
      'We are offering you identity theft prevention and mitigation services free of charge for at least 12 months.',
    );
    expect(email.text).toContain('Equifax');
    expect(email.text).toContain(NATURE);
  });

  it('offers the services only when the assessment records the offer', () => {
    const email = renderSubjectEmail('en', { org, incident: stateIncident }, { legal: legalFor('CA', false).notice! });
    expect(email.html).not.toContain('data-content="credit_monitoring_offer"');
    expect(email.text).not.toContain('identity theft prevention and mitigation services');
  });
});

describe('Massachusetts (Mass. Gen. Laws ch. 93H, 3(b))', () => {
  it('says neither what happened nor how many residents, and tells of the police report and the free freeze', () => {
    const email = renderSubjectEmail('en', { org, incident: stateIncident }, { legal: legalFor('MA').notice! });
    expect(email.html).not.toContain('What Happened');
    expect(email.html).not.toContain(NATURE);
    expect(email.text).not.toContain('123,456');
    expect(email.text).toContain('You have the right to obtain a police report');
    expect(email.text).toContain('You can place a security freeze on your credit report free of charge.');
    expect(email.text).toContain('TransUnion');
    // The public notice states what Massachusetts forbids: the email does not link to it.
    expect(email.html).not.toContain(incident.publicNoticeUrl!);
  });
});

describe('a state variant in every locale', () => {
  it('renders for a sparse incident under a hold, saying what is not known yet', async () => {
    const { LOCALES } = await import('../../activities/render');
    const sparse = { ...stateIncident, dataElements: [], occurredAt: null, narrative: incident.narrative };
    for (const code of ['CA', 'MA', 'RI']) {
      const legal = { ...legalFor(code).notice!, delayedByLawEnforcement: true, identityProtectionOffered: false };
      for (const locale of LOCALES) {
        const email = renderSubjectEmail(locale, { org, incident: sparse }, { legal });
        expect(email.text, `${code} ${locale}`).toContain(
          locale === 'de'
            ? 'Wir klären noch, welche Daten betroffen sind'
            : 'We are still establishing which information is involved',
        );
        if (code === 'CA') expect(email.text).toContain('a law enforcement agency told us');
      }
    }
  });
});

describe('the notice set', () => {
  it('holds a default and one email per variant, plain and as a correction, and the variant changes the version', () => {
    const ma = legalFor('MA').notice!;
    const set = subjectNotices('en', { org, incident: stateIncident }, [ma]);
    // Each is also rendered without the public link, for an approval that chooses "no public link".
    const unlinked = set.filter((n) => n.channel === 'email' && n.audience.endsWith('_no_link'));
    expect(unlinked.map((n) => `${n.audience}|${n.variant}`).sort()).toEqual([
      'individuals_correction_no_link|default',
      'individuals_correction_no_link|us-ma',
      'individuals_no_link|default',
      'individuals_no_link|us-ma',
    ]);
    const emails = set.filter((n) => n.channel === 'email' && !n.audience.endsWith('_no_link'));
    expect(emails.map((n) => `${n.audience}|${n.variant}`).sort()).toEqual([
      'individuals_correction|default',
      'individuals_correction|us-ma',
      'individuals|default',
      'individuals|us-ma',
    ]);
    const def = emails.find((n) => n.variant === 'default' && n.audience === 'individuals')!;
    expect(def.text).toContain(NATURE);
    // Massachusetts' SMS does not point to the public notice, which states what its law forbids.
    const sms = set.filter((n) => n.channel === 'sms' && n.audience === 'individuals');
    expect(sms.map((n) => n.variant).sort()).toEqual(['default', 'us-ma']);
    expect(sms.find((n) => n.variant === 'default')!.text).toContain(incident.publicNoticeUrl!);
    expect(sms.find((n) => n.variant === 'us-ma')!.text).not.toContain(incident.publicNoticeUrl!);
  });

  it('a German reader of a state variant gets German headings where they exist and the fallback is recorded', async () => {
    const { listTemplateFallbacks } = await import('../../activities/render');
    const email = renderSubjectEmail('de', { org, incident: stateIncident }, { legal: legalFor('CA').notice! });
    expect(email.html).toContain('<h2>Was ist geschehen?</h2>');
    expect(email.html).toContain('Guten Tag -recipientName-,');
    expect(listTemplateFallbacks().some((f) => f.startsWith('legal-notice/de.json'))).toBe(true);
  });
});
