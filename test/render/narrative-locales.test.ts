// Each language's notice carries the free text written in that language and nothing of another's
// (issue 14: "the approver's own What happened text stays English in the Chinese email"). A language
// without text of its own gets its built-in texts; the report to China's regulator is in Chinese.
import { describe, expect, it } from 'vitest';
import {
  narrativeGaps,
  renderRegulatorReport,
  renderSubjectEmail,
  type IncidentFactsView,
} from '../../activities/render';
import { regulatorReportLocale } from '../../activities/render-notices';
import { incident, org } from './fixtures';

const EMPTY = incident.narrative;
const TEXT = {
  en: { ...EMPTY, whatHappened: 'A laptop holding our customer list was stolen from a staff car.' },
  de: {
    ...EMPTY,
    whatHappened: 'Ein Laptop mit unserer Kundenliste wurde aus dem Auto einer Mitarbeiterin gestohlen.',
  },
  ja: { ...EMPTY, whatHappened: '顧客名簿を保存したノートパソコンが、従業員の車から盗まれました。' },
  'zh-CN': {
    ...EMPTY,
    whatHappened: '一台存有客户名单的笔记本电脑在员工车内被盗。',
    measuresTaken: '我们已向公安机关报案，并远程锁定了该设备。',
  },
};
const byLocale: IncidentFactsView = { ...incident, narrativeByLocale: TEXT };

describe('a notice in each language', () => {
  it('gives a German person the German text and a Japanese person the Japanese text', () => {
    const de = renderSubjectEmail('de', { org, incident: byLocale });
    expect(de.html).toContain('<html lang="de">');
    expect(de.text).toContain(TEXT.de.whatHappened);
    expect(de.text).not.toContain(TEXT.en.whatHappened);

    const ja = renderSubjectEmail('ja', { org, incident: byLocale });
    expect(ja.html).toContain('<html lang="ja">');
    expect(ja.text).toContain(TEXT.ja.whatHappened);
    expect(ja.text).not.toContain(TEXT.en.whatHappened);
    expect(ja.text).not.toContain(TEXT.de.whatHappened);
  });

  it('gives a language without text of its own its built-in texts, never another language’s text', () => {
    const ko = renderSubjectEmail('ko', { org, incident: byLocale });
    const builtIn = renderSubjectEmail('ko', { org, incident: { ...incident, narrativeByLocale: {} } });
    for (const t of Object.values(TEXT)) expect(ko.text).not.toContain(t.whatHappened);
    expect(ko.text).toBe(builtIn.text);
  });

  it('finds the languages that lack a section written in another, and none where nobody wrote any', () => {
    expect(narrativeGaps(TEXT, ['en', 'de', 'ko', 'zh-CN'])).toEqual([
      { locale: 'en', fields: ['measuresTaken'], writtenIn: ['zh-CN'] },
      { locale: 'de', fields: ['measuresTaken'], writtenIn: ['zh-CN'] },
      { locale: 'ko', fields: ['whatHappened', 'measuresTaken'], writtenIn: ['de', 'en', 'ja', 'zh-CN'] },
    ]);
    expect(narrativeGaps({}, ['en', 'de'])).toEqual([]);
  });
});

describe('the report to China’s regulator', () => {
  it('is in Chinese, with the Chinese text', () => {
    const locale = regulatorReportLocale('cn-pipl');
    expect(locale).toBe('zh-CN');
    expect(regulatorReportLocale('eu-gdpr')).toBe('en');
    const report = renderRegulatorReport(locale, {
      org,
      incident: byLocale,
      regulator: {
        name: '国家网信部门',
        regime: 'cn-pipl',
        regimeName: 'China Personal Information Protection Law',
        basis: 'PIPL Art. 57',
        deadline: 'immediately',
        dueAt: null,
      },
      phase: 'initial',
      content: ['nature', 'categories_of_data', 'likely_consequences', 'measures_taken', 'contact_point'],
      delayReason: null,
      holdNote: null,
      noticeDate: '2025-03-05T00:00:00Z',
    });
    expect(report.subject).toContain('初步个人信息泄露事件报告');
    expect(report.html).toContain('<html lang="zh-CN">');
    expect(report.text).toContain(TEXT['zh-CN'].whatHappened);
    expect(report.text).toContain(TEXT['zh-CN'].measuresTaken);
    expect(report.text).toContain('泄露事件的性质');
    expect(report.text).not.toContain(TEXT.en.whatHappened);
  });
});
