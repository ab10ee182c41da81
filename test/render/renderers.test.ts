import { describe, expect, it } from 'vitest';
import {
  LOCALES,
  normalizeLocale,
  REGULATOR_CONTENT_IDS,
  renderRegulatorReport,
  renderSubjectSms,
} from '../../activities/render';
import { countSmsSegments } from '../../activities/providers/sms-segments';
import { CONTENT_ELEMENTS } from '../../rules/vocabulary';
import { incident, org, orgWithoutOptional, sparseIncident } from './fixtures';
import { regulator, renderAll, renderReport } from './render-inputs';

const LEAKS = /\bundefined\b|\bnull\b|\bNaN\b|\[object /;

describe('every renderer', () => {
  for (const locale of LOCALES) {
    it(`renders in ${locale} with every optional value present, with no undefined/null text`, () => {
      for (const r of renderAll(locale, org, incident)) {
        expect(`${r.html ?? ''}\n${r.text}`, r.name).not.toMatch(LEAKS);
        expect(r.text.length + (r.html?.length ?? 0), r.name).toBeGreaterThan(0);
      }
      expect(renderReport(locale, org, incident, true)).not.toMatch(LEAKS);
    });

    it(`renders in ${locale} with every optional value null and empty lists`, () => {
      for (const r of renderAll(locale, orgWithoutOptional, sparseIncident)) {
        expect(`${r.html ?? ''}\n${r.text}`, r.name).not.toMatch(LEAKS);
      }
      expect(renderReport(locale, orgWithoutOptional, sparseIncident, false)).not.toMatch(LEAKS);
    });
  }

  it('produces full HTML documents for the public notice and the closing report', () => {
    for (const locale of LOCALES) {
      const page = renderAll(locale, org, incident).find((r) => r.name === 'public-notice')!.html!;
      expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(page).toContain(`<html lang="${locale}">`);
      expect(page.trimEnd().endsWith('</html>')).toBe(true);
      // Static export: nothing loaded from elsewhere.
      expect(page).not.toMatch(/<script|<link|<img|src=/i);
    }
    const report = renderReport('en', org, incident, true);
    expect(report.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(report).toContain('a3f1c9e2b4d5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d');
    expect(report).toMatch(/Timeline[\s\S]*triage\.confirmed[\s\S]*Decisions[\s\S]*user:u_17/);
    expect(report).toContain('12,040');
    expect(report).toContain('<span class="late">late</span>');
  });
});

describe('zh-CN', () => {
  it('uses Chinese headings and dates', () => {
    const all = renderAll('zh-CN', org, incident);
    const subject = all.find((r) => r.name === 'subject-email html')!;
    expect(subject.html).toContain('<h2>事件概况</h2>');
    expect(subject.html).toContain('<h2>您可以采取的措施</h2>');
    expect(subject.text).toContain('【您的权利与补救措施】');
    expect(subject.html).toContain('2025年3月4日 14:05 UTC');
    expect(all.find((r) => r.name === 'regulator-report initial html')!.html).toContain('<h2>泄露事件的性质</h2>');
    expect(all.find((r) => r.name === 'controller-email html')!.html).toContain('<h2>所涉个人的类别和大致人数</h2>');
    expect(all.find((r) => r.name === 'public-notice')!.html).toContain('发布时间');
    expect(renderReport('zh-CN', org, incident, true)).toContain('<h2>审计链</h2>');
  });
});

describe('the regulator report', () => {
  const content = [
    'nature',
    'categories_of_data',
    'approximate_people',
    'dpo_contact',
    'likely_consequences',
    'measures_taken',
  ];

  it('has one section per required content element, in order, with the DPO email', () => {
    const report = renderRegulatorReport('en', {
      org,
      incident,
      regulator,
      phase: 'initial',
      content,
      delayReason: null,
      holdNote: null,
    });
    const headings = [...report.html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Nature of the breach',
      'Categories of personal data concerned',
      'Approximate number of data subjects',
      'Data protection officer',
      'Likely consequences of the breach',
      'Measures taken to address the breach and mitigate its effects',
    ]);
    expect(report.html).toContain('dpo@example.org');
    expect(report.text).toContain('dpo@example.org');
    expect(report.text).toContain('Approximately 12,840.');
    expect(report.subject).toBe('Initial personal data breach report under GDPR – Example Learning Ltd [inc_01HZX3]');
  });

  it('gives an unknown element a generic section titled with its id instead of failing', () => {
    for (const locale of LOCALES) {
      const report = renderRegulatorReport(locale, {
        org,
        incident,
        regulator,
        phase: 'initial',
        content: ['nature', 'state_specific_thing'],
        delayReason: null,
        holdNote: null,
      });
      expect(report.html).toContain('<h2>state_specific_thing</h2>');
      expect(report.text).toContain('state_specific_thing');
    }
  });

  it('has a section in both locales for every known element', () => {
    for (const locale of LOCALES) {
      const report = renderRegulatorReport(locale, {
        org,
        incident,
        regulator,
        phase: 'initial',
        content: [...REGULATOR_CONTENT_IDS],
        delayReason: null,
        holdNote: null,
      });
      expect(report.html.match(/<h2>/g)).toHaveLength(REGULATOR_CONTENT_IDS.length);
    }
  });

  it('renders every content element the rules catalog can ask for, in both locales', () => {
    for (const locale of LOCALES) {
      const content = Object.keys(CONTENT_ELEMENTS);
      const report = renderRegulatorReport(locale, {
        org,
        incident: sparseIncident,
        regulator,
        phase: 'initial',
        content,
        delayReason: null,
        holdNote: null,
      });
      expect(report.html.match(/<h2>/g)).toHaveLength(content.length);
      expect(report.text).not.toMatch(LEAKS);
    }
  });

  it('says whether it is the initial or a supplementary report, and shows reasons for delay and a hold', () => {
    const supplementary = renderRegulatorReport('en', {
      org,
      incident,
      regulator,
      phase: 'supplementary',
      content: ['nature'],
      delayReason: 'The scope was only known after forensic analysis.',
      holdNote: 'The police asked us to delay notifying individuals until 10 March.',
    });
    expect(supplementary.subject).toMatch(/^Supplementary/);
    expect(supplementary.html).toContain('supplements our earlier report');
    expect(supplementary.html).toContain('<h2>Reasons for the delay</h2>');
    expect(supplementary.text).toContain('The police asked us to delay notifying individuals until 10 March.');
    const initial = renderRegulatorReport('en', {
      org,
      incident,
      regulator,
      phase: 'initial',
      content: ['nature'],
      delayReason: null,
      holdNote: null,
    });
    expect(initial.html).toContain('provide it in phases');
    expect(initial.html).not.toContain('Reasons for the delay');
  });
});

describe('the SMS notice', () => {
  it('is short, carries no name token, and links to the public notice when there is one', () => {
    for (const locale of LOCALES) {
      const sms = renderSubjectSms(locale, { org, incident });
      expect(sms).toContain('https://example.org/security-notice');
      expect(sms).not.toContain('-recipientName-');
      expect(countSmsSegments(sms).segments, `${locale}: ${sms}`).toBeLessThanOrEqual(2);
      const withoutLink = renderSubjectSms(locale, { org, incident: sparseIncident });
      expect(withoutLink).toContain('dpo@example.org');
      expect(withoutLink).toContain('+353 1 555 0100');
      expect(countSmsSegments(withoutLink).segments, `${locale}: ${withoutLink}`).toBeLessThanOrEqual(2);
    }
  });

  it('stays in GSM-7 where the language allows it, so a Latin-script SMS costs what the English one does', () => {
    for (const locale of ['en', 'de', 'fr', 'es'] as const) {
      expect(countSmsSegments(renderSubjectSms(locale, { org, incident })).encoding, locale).toBe('GSM-7');
    }
  });
});

describe('normalizeLocale', () => {
  it('maps a tag to the shipped locale of its language', () => {
    const cases: [string, string][] = [
      ['de', 'de'],
      ['de-AT', 'de'],
      ['de_CH', 'de'],
      ['fr', 'fr'],
      ['fr_CA', 'fr'],
      ['FR-be', 'fr'],
      ['es', 'es'],
      ['es-419', 'es'],
      ['es-MX', 'es'],
      ['pt', 'pt-BR'],
      ['pt-BR', 'pt-BR'],
      ['pt_br', 'pt-BR'],
      ['pt-PT', 'pt-BR'],
      ['ja', 'ja'],
      ['ja-JP', 'ja'],
      ['ko', 'ko'],
      ['ko-KR', 'ko'],
      [' ko_kr ', 'ko'],
    ];
    for (const [tag, locale] of cases) expect(normalizeLocale(tag), tag).toBe(locale);
  });

  it('maps every Chinese tag to zh-CN', () => {
    for (const tag of ['zh', 'zh-cn', 'zh-CN', 'zh_CN', 'zh-Hans-CN', 'ZH-hans', 'zh-TW', 'zh-Hant-HK'])
      expect(normalizeLocale(tag), tag).toBe('zh-CN');
  });

  it('maps anything else, and nothing, to en', () => {
    for (const tag of ['en', 'en-US', 'EN_gb', 'it', 'nl-NL', 'ru', 'dex', 'constructor', '', '  ', null, undefined])
      expect(normalizeLocale(tag), String(tag)).toBe('en');
  });
});
