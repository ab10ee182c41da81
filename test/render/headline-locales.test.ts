// The public headline per language (issue 14): every document carries the headline of its own
// language, or that language's built-in headline, never another language's.
import { describe, expect, it } from 'vitest';
import {
  LOCALES,
  builtInHeadline,
  headlineIn,
  narrativeGaps,
  renderControllerEmail,
  renderPublicNotice,
  renderRegulatorReport,
  renderSubjectEmail,
  type IncidentFactsView,
} from '../../activities/render';
import { renderCallScript } from '../../activities/render/call-script';
import { incident, org } from './fixtures';

const HEADLINE = {
  en: 'Your account details may have been exposed',
  de: 'Ihre Kontodaten könnten offengelegt worden sein',
  ja: 'お客様のアカウント情報が漏えいした可能性があります',
  'zh-CN': '您的账户信息可能已被泄露',
};
const withHeadlines: IncidentFactsView = { ...incident, title: HEADLINE.en, headlineByLocale: HEADLINE };
const regulatorInput = {
  org,
  incident: withHeadlines,
  regulator: {
    name: 'Cyberspace Administration of China',
    regime: 'cn-pipl',
    regimeName: 'PIPL',
    basis: 'PIPL Art. 57',
    deadline: 'immediately',
    dueAt: null,
  },
  phase: 'initial' as const,
  content: ['nature'],
  delayReason: null,
  holdNote: null,
};

describe('the public headline in each language', () => {
  it('puts the German headline in the German email’s title and heading, and no English one', () => {
    const de = renderSubjectEmail('de', { org, incident: withHeadlines });
    expect(de.html).toContain(`<title>${HEADLINE.de}</title>`);
    expect(de.html).toMatch(new RegExp(`<h1[^>]*>${HEADLINE.de}</h1>`));
    expect(de.text).toContain(HEADLINE.de);
    expect(de.html).not.toContain(HEADLINE.en);
    expect(de.text).not.toContain(HEADLINE.en);
  });

  it('gives a language without a headline of its own its built-in headline, never another language’s', () => {
    for (const locale of ['ko', 'fr', 'es', 'pt-BR'] as const) {
      const email = renderSubjectEmail(locale, { org, incident: withHeadlines });
      expect(email.html, locale).toMatch(new RegExp(`<h1[^>]*>${builtInHeadline(locale)}</h1>`));
      for (const h of Object.values(HEADLINE)) expect(email.html, locale).not.toContain(h);
      const page = renderPublicNotice(locale, { org, incident: withHeadlines, publishedAt: '2025-03-06T09:00:00Z' });
      expect(page, locale).toContain(builtInHeadline(locale));
      for (const h of Object.values(HEADLINE)) expect(page, locale).not.toContain(h);
    }
    expect(builtInHeadline('de')).toBe('Informationen zu einem Datensicherheitsvorfall');
    // Every language ships one, each its own.
    expect(new Set(LOCALES.map(builtInHeadline)).size).toBe(LOCALES.length);
  });

  it('reads the Japanese headline in the Japanese call script', () => {
    const ja = renderCallScript('ja', { org, incident: withHeadlines }, { name: null });
    expect(ja.spokenText).toContain(HEADLINE.ja);
    expect(ja.spokenText).not.toContain(HEADLINE.en);
    const ko = renderCallScript('ko', { org, incident: withHeadlines }, { name: null });
    expect(ko.spokenText).toContain(builtInHeadline('ko'));
  });

  it('gives China’s regulator the Chinese headline, and a controller the headline of its email’s language', () => {
    const zh = renderRegulatorReport('zh-CN', regulatorInput);
    expect(zh.html).toContain(HEADLINE['zh-CN']);
    expect(zh.html).not.toContain(HEADLINE.en);
    // No German controller template: the email is English, so is its headline.
    const controller = renderControllerEmail('de', { org, incident: withHeadlines, controller: { name: 'Schule' } });
    expect(controller.html).toContain('<html lang="en">');
    expect(controller.html).toContain(HEADLINE.en);
    expect(controller.html).not.toContain(HEADLINE.de);
  });

  it('shows no headline before any is written, and the view’s title where headlines are not kept per language', () => {
    expect(headlineIn({ ...incident, title: '', headlineByLocale: {} }, 'de')).toBe('');
    expect(headlineIn({ ...incident, title: 'One for all' }, 'de')).toBe('One for all');
  });

  it('counts a language without a headline as a gap where one was written in another than English', () => {
    const text = (publicHeadline: string | null) => ({ ...incident.narrative, publicHeadline });
    // The English headline is required of every incident: alone it asks nothing of the others.
    expect(narrativeGaps({ en: text(HEADLINE.en) }, ['en', 'de', 'ja'])).toEqual([]);
    expect(narrativeGaps({ en: text(HEADLINE.en), de: text(HEADLINE.de) }, ['en', 'de', 'ja'])).toEqual([
      { locale: 'ja', fields: ['publicHeadline'], writtenIn: ['de', 'en'] },
    ]);
  });
});
