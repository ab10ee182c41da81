import { describe, expect, it } from 'vitest';
import {
  compileTemplate,
  DATA_ELEMENTS,
  dataElementTexts,
  LOCALES,
  listTemplateFallbacks,
  loadTemplate,
  TemplateError,
} from '../../activities/render';

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

  it('exist in every locale for every audience, so nothing falls back to English', () => {
    const audiences = [
      'subject-email',
      'controller-email',
      'regulator-report',
      'owner-reminder',
      'owner-escalation',
      'hold-review',
    ];
    for (const locale of LOCALES) {
      for (const audience of audiences)
        for (const part of ['subject', 'html', 'text'] as const) loadTemplate(audience, locale, part);
      loadTemplate('subject-sms', locale, 'sms');
      loadTemplate('public-notice', locale, 'html');
      loadTemplate('closing-report', locale, 'html');
    }
    expect(listTemplateFallbacks()).toEqual([]);
  });
});
