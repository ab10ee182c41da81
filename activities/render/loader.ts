import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { registerHelpers } from './helpers';
import type { Locale } from './locale';
import { TemplateError } from './template-error';

export const TEMPLATES_DIR = path.join(__dirname, '../../templates');

/** html output is escaped; raw output (text, subject, sms) is left as written. */
export type OutputMode = 'html' | 'raw';
export type Part = 'subject' | 'html' | 'text' | 'sms';
export type TemplateFn = (context: object, locale: Locale) => string;

const RAW_PARTS: readonly string[] = ['subject', 'text', 'sms'];

/** Our own environment, so helpers and partials never leak into another module's Handlebars. */
const hb = Handlebars.create();
registerHelpers(hb);

function modeOf(fileName: string): OutputMode {
  const part =
    fileName
      .replace(/\.hbs$/, '')
      .split('.')
      .pop() ?? '';
  return RAW_PARTS.includes(part) ? 'raw' : 'html';
}

function toTemplateError(name: string, err: unknown): TemplateError {
  if (err instanceof TemplateError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const missing = /^"([^"]+)" not defined in .*?(?: - (\d+):(\d+))?$/s.exec(message);
  if (missing) {
    const where = missing[2] ? ` (line ${missing[2]}, column ${missing[3]})` : '';
    return new TemplateError(`${name}: missing variable "${missing[1]}"${where}`, name, missing[1]);
  }
  const partial = /^The partial (.+) could not be found/.exec(message);
  if (partial) return new TemplateError(`${name}: missing partial "${partial[1]}"`, name, null);
  const variable = (err as { variable?: string } | null)?.variable ?? null;
  return new TemplateError(`${name}: ${message}`, name, variable);
}

type Delegate = (context: object, options?: Handlebars.RuntimeOptions) => string;

/**
 * Compiles one template the way every shipped template is compiled: strict
 * (a missing variable throws), ids tracked (so helpers can name a missing
 * argument), escaped unless the output is raw text. Errors are rethrown as
 * TemplateError naming this template.
 */
function compileDelegate(name: string, source: string, mode: OutputMode): Delegate {
  try {
    hb.parse(source);
  } catch (err) {
    throw toTemplateError(name, err);
  }
  // trackIds is a real compiler option that the type definitions leave out.
  const options = { strict: true, trackIds: true, noEscape: mode === 'raw' } as CompileOptions;
  const fn = hb.compile(source, options);
  return (context, options) => {
    try {
      return fn(context, options);
    } catch (err) {
      throw toTemplateError(name, err);
    }
  };
}

/** The loader's compile step, exported so tests can push a template of their own through it. */
export function compileTemplate(name: string, source: string, mode: OutputMode): TemplateFn {
  const fn = compileDelegate(name, source, mode);
  return (context, locale) => fn(context, { data: { locale } });
}

let partialsRegistered = false;

/**
 * Partials: locale-neutral ones at the top of templates/partials (named after
 * the file, e.g. `layout`, `narrative.html`), localized ones in a subfolder
 * (named `<folder>/<locale>.<part>`, e.g. `notice-body/en.html`).
 */
function registerPartials(): void {
  if (partialsRegistered) return;
  const root = path.join(TEMPLATES_DIR, 'partials');
  const register = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && prefix === '') register(path.join(dir, entry.name), `${entry.name}/`);
      if (!entry.isFile() || !entry.name.endsWith('.hbs')) continue;
      const name = prefix + entry.name.replace(/\.hbs$/, '');
      const source = fs.readFileSync(path.join(dir, entry.name), 'utf8');
      // Registered compiled, so a partial keeps the mode of its own file, not of its caller.
      hb.registerPartial(name, compileDelegate(`partials/${name}.hbs`, source, modeOf(entry.name)));
    }
  };
  register(root, '');
  partialsRegistered = true;
}

const cache = new Map<string, TemplateFn>();
const fallbacks: string[] = [];
const resolved = new Map<string, Locale>();

/** Templates that were missing for a locale and fell back to English, with the reason. */
export function listTemplateFallbacks(): readonly string[] {
  return fallbacks;
}

function noteFallback(reason: string): void {
  if (fallbacks.includes(reason)) return;
  fallbacks.push(reason);
  process.emitWarning(reason, 'TemplateFallback');
}

/**
 * The locale a document is rendered in: the one asked for when its template
 * exists, else English (recorded as a fallback). Staff and regulator documents
 * ship in fewer locales than person-facing notices; a renderer builds its whole
 * context in the locale this returns, so a document is never English headings
 * around labels and dates in another language.
 */
export function templateLocale(audience: string, locale: Locale, part: Part): Locale {
  if (locale === 'en') return locale;
  const key = `${audience}/${locale}.${part}`;
  const known = resolved.get(key);
  if (known) return known;
  const exists = fs.existsSync(path.join(TEMPLATES_DIR, audience, `${locale}.${part}.hbs`));
  if (!exists) noteFallback(`template ${key}.hbs is missing; using ${audience}/en.${part}.hbs`);
  const used = exists ? locale : 'en';
  resolved.set(key, used);
  return used;
}

/** Loads `templates/<audience>/<locale>.<part>.hbs` once and caches the compiled function. */
export function loadTemplate(audience: string, locale: Locale, part: Part): TemplateFn {
  const key = `${audience}/${locale}.${part}`;
  const cached = cache.get(key);
  if (cached) return cached;
  registerPartials();

  const file = path.join(TEMPLATES_DIR, audience, `${templateLocale(audience, locale, part)}.${part}.hbs`);
  if (!fs.existsSync(file)) {
    throw new TemplateError(`template ${key}.hbs not found in ${TEMPLATES_DIR}`, key);
  }
  const fn = compileTemplate(`${key}.hbs`, fs.readFileSync(file, 'utf8'), modeOf(part));
  cache.set(key, fn);
  return fn;
}

/** Reads a JSON data file under templates/ (labels, defaults) with the same locale fallback. */
export function readTemplateJson(folder: string, locale: Locale): unknown {
  let file = path.join(TEMPLATES_DIR, folder, `${locale}.json`);
  if (!fs.existsSync(file) && locale !== 'en') {
    noteFallback(`${folder}/${locale}.json is missing; using ${folder}/en.json`);
    file = path.join(TEMPLATES_DIR, folder, 'en.json');
  }
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new TemplateError(`${folder}/${locale}.json: ${(err as Error).message}`, `${folder}/${locale}.json`);
  }
}

/**
 * A flat table of texts under templates/<folder>: the locale's own texts over the English ones. Each key the
 * locale lacks is English in the output and recorded as a fallback, like a missing template.
 */
export function readTemplateTexts(folder: string, locale: Locale): Record<string, string> {
  const english = readTemplateJson(folder, 'en') as Record<string, string>;
  if (locale === 'en') return english;
  const own = readTemplateJson(folder, locale) as Record<string, string>;
  const missing = Object.keys(english).filter((k) => typeof own[k] !== 'string');
  if (missing.length > 0)
    noteFallback(`${folder}/${locale}.json lacks ${missing.join(', ')}; using ${folder}/en.json for them`);
  return { ...english, ...own };
}

/** Loads a locale-neutral template `templates/<folder>/<part>.hbs` (its words come from the context). */
export function loadNeutralTemplate(folder: string, part: Part): TemplateFn {
  const key = `${folder}/${part}`;
  const cached = cache.get(key);
  if (cached) return cached;
  registerPartials();
  const file = path.join(TEMPLATES_DIR, folder, `${part}.hbs`);
  if (!fs.existsSync(file)) throw new TemplateError(`template ${key}.hbs not found in ${TEMPLATES_DIR}`, key);
  const fn = compileTemplate(`${key}.hbs`, fs.readFileSync(file, 'utf8'), modeOf(part));
  cache.set(key, fn);
  return fn;
}
