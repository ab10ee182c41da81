import { describe, expect, it } from 'vitest';
import {
  compileTemplate,
  DATA_ELEMENTS,
  dataElementTexts,
  LOCALES,
  listTemplateFallbacks,
  loadTemplate,
  STAFF_LOCALES,
  TemplateError,
  templateLocale,
} from '../../activities/render';

const STAFF_AUDIENCES = [
  'controller-email',
  'regulator-report',
  'owner-reminder',
  'owner-escalation',
  'hold-review',
] as const;

describe('a template that references a missing variable', () => {
  it('throws TemplateError naming the template and the variable', () => {
    const render = compileTemplate('test/bad.html.hbs', '<p>{{incident.titel}}</p>', 'html');
    let error: unknown;
    try {
      render({ incident: { title: 'x' } }, 'en');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).message).toContain('test/bad.html.hbs');
    expect((error as TemplateError).message).toContain('titel');
    expect((error as TemplateError).template).toBe('test/bad.html.hbs');
    expect((error as TemplateError).variable).toBe('titel');
  });

  it('throws when the missing variable is a helper argument or a block condition', () => {
    const asArgument = compileTemplate('test/arg.text.hbs', '{{formatDate incident.ocurredAt}}', 'raw');
    expect(() => asArgument({ incident: {} }, 'en')).toThrow(TemplateError);
    expect(() => asArgument({ incident: {} }, 'en')).toThrow(/incident\.ocurredAt/);
    const asCondition = compileTemplate('test/if.text.hbs', '{{#if org.dpo.phon}}x{{/if}}', 'raw');
    expect(() => asCondition({ org: { dpo: { phone: null } } }, 'en')).toThrow(/org\.dpo\.phon/);
    const asList = compileTemplate('test/each.text.hbs', '{{#each incident.element}}x{{/each}}', 'raw');
    expect(() => asList({ incident: {} }, 'en')).toThrow(TemplateError);
  });

  it('renders null as nothing rather than failing or printing "null"', () => {
    const render = compileTemplate('test/null.text.hbs', '[{{org.dpo.phone}}]{{#if org.dpo.phone}}phone{{/if}}', 'raw');
    expect(render({ org: { dpo: { phone: null } } }, 'en')).toBe('[]');
  });

  it('throws TemplateError for a missing partial, a syntax error, and a missing template file', () => {
    expect(() => compileTemplate('test/partial.hbs', '{{> no-such-partial}}', 'html')({}, 'en')).toThrow(TemplateError);
    expect(() => compileTemplate('test/syntax.hbs', '{{#if x}}', 'html')).toThrow(TemplateError);
    expect(() => loadTemplate('no-such-audience', 'en', 'html')).toThrow(/no-such-audience\/en\.html\.hbs not found/);
  });

  it('escapes in html mode and not in raw mode', () => {
    expect(compileTemplate('t.html', '{{x}}', 'html')({ x: '<&>' }, 'en')).toBe('&lt;&amp;&gt;');
    expect(compileTemplate('t.text', '{{x}}', 'raw')({ x: '<&>' }, 'en')).toBe('<&>');
  });
});

describe('shipped templates and texts', () => {
  it('have a label, a risk and advice for every data element in every locale', () => {
    for (const locale of LOCALES) {
      const texts = dataElementTexts(locale);
      for (const id of DATA_ELEMENTS) {
        expect(texts[id]?.label, `${locale} ${id}`).toBeTruthy();
        expect(texts[id]?.advice, `${locale} ${id}`).toBeTruthy();
        expect(texts[id]?.risk, `${locale} ${id}`).toBeTruthy();
      }
    }
  });

  it('exist in every locale for every person-facing audience, so no person gets English by accident', () => {
    for (const locale of LOCALES) {
      for (const part of ['subject', 'html', 'text'] as const) loadTemplate('subject-email', locale, part);
      loadTemplate('subject-sms', locale, 'sms');
      loadTemplate('public-notice', locale, 'html');
      dataElementTexts(locale);
    }
    // The list is the process's, and other test files may share the process: look only at these audiences.
    expect(
      listTemplateFallbacks().filter((f) =>
        /^(template )?(subject-email|subject-sms|public-notice|data-elements)\//.test(f),
      ),
    ).toEqual([]);
  });

  it('exist in every staff locale for every staff and regulator audience', () => {
    for (const locale of STAFF_LOCALES) {
      for (const audience of STAFF_AUDIENCES)
        for (const part of ['subject', 'html', 'text'] as const) loadTemplate(audience, locale, part);
      loadTemplate('closing-report', locale, 'html');
    }
    const staffKeys = STAFF_LOCALES.flatMap((l) =>
      [...STAFF_AUDIENCES, 'closing-report'].map((a) => `template ${a}/${l}.`),
    );
    expect(listTemplateFallbacks().filter((f) => staffKeys.some((k) => f.startsWith(k)))).toEqual([]);
  });

  it('fall back to en, recorded, for a staff or regulator audience in a person-only locale', () => {
    const personOnly = LOCALES.filter((l) => !STAFF_LOCALES.includes(l));
    expect(personOnly).toEqual(['de', 'fr', 'es', 'pt-BR', 'ja', 'ko']);
    for (const locale of personOnly) {
      for (const audience of STAFF_AUDIENCES) {
        expect(templateLocale(audience, locale, 'html')).toBe('en');
        for (const part of ['subject', 'html', 'text'] as const) loadTemplate(audience, locale, part);
      }
      expect(templateLocale('subject-email', locale, 'html')).toBe(locale);
    }
    expect(listTemplateFallbacks()).toContain(
      'template regulator-report/de.html.hbs is missing; using regulator-report/en.html.hbs',
    );
    expect(listTemplateFallbacks().filter((f) => /subject-email|subject-sms|public-notice/.test(f))).toEqual([]);
  });
});
