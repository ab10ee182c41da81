import type Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';
import { isLocale, type Locale } from './locale';

type Env = typeof Handlebars;
type Helper = (this: unknown, ...args: unknown[]) => unknown;

function localeOf(options: HelperOptions): Locale {
  const locale = (options.data as { locale?: unknown } | undefined)?.locale;
  return isLocale(locale) ? locale : 'en';
}

function parseInstant(helper: string, value: unknown): Date {
  if (typeof value !== 'string')
    throw new Error(`${helper}: expected an ISO date string, got ${value === null ? 'null' : typeof value}`);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`${helper}: "${value}" is not an ISO date`);
  return date;
}

/** An instant in the reader's language, always in UTC and saying so. */
export function formatInstant(iso: string, locale: Locale): string {
  const date = parseInstant('formatDate', iso);
  return `${new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' }).format(date)} UTC`;
}

export function formatCount(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(n);
}

/**
 * Every helper rejects `undefined`: optional values are passed as null, so
 * undefined means the template names a variable the caller never supplied
 * (strict mode alone does not check helper arguments).
 */
function guarded(name: string, fn: Helper): Helper {
  return function (this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as HelperOptions & { ids?: (string | null)[] };
    for (let i = 0; i < args.length - 1; i++) {
      if (args[i] === undefined) {
        const id = options.ids?.[i];
        const err = new Error(`missing variable "${id ?? `argument ${i + 1}`}" (in {{${name}}})`);
        (err as Error & { variable?: string }).variable = id ?? undefined;
        throw err;
      }
    }
    return fn.apply(this, args);
  };
}

export function registerHelpers(hb: Env): void {
  const helpers: Record<string, Helper> = {
    formatDate(value, options) {
      return formatInstant(value as string, localeOf(options as HelperOptions));
    },
    formatDay(value, options) {
      const date = parseInstant('formatDay', value);
      return new Intl.DateTimeFormat(localeOf(options as HelperOptions), { dateStyle: 'long', timeZone: 'UTC' }).format(
        date,
      );
    },
    formatNumber(value, options) {
      if (typeof value !== 'number')
        throw new Error(`formatNumber: expected a number, got ${value === null ? 'null' : typeof value}`);
      return formatCount(value, localeOf(options as HelperOptions));
    },
    /** Free text as HTML paragraphs: each paragraph escaped, single line breaks kept. */
    paragraphs(value) {
      if (typeof value !== 'string')
        throw new Error(`paragraphs: expected text, got ${value === null ? 'null' : typeof value}`);
      const html = value
        .trim()
        .split(/\r?\n\s*\r?\n/)
        .map(
          (p) =>
            `<p>${p
              .split(/\r?\n/)
              .map((line) => hb.escapeExpression(line))
              .join('<br>')}</p>`,
        )
        .join('\n');
      return new hb.SafeString(html);
    },
    /** Only http(s) links reach an href; anything else is a template input error. */
    href(value) {
      if (typeof value !== 'string' || !/^https?:\/\/[^\s]+$/i.test(value)) {
        throw new Error(`href: "${String(value)}" is not an http(s) URL`);
      }
      return value;
    },
    eq(a, b) {
      return a === b;
    },
  };
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, guarded(name, fn));
  for (const name of ['if', 'unless', 'each', 'with', 'lookup']) {
    const builtin = hb.helpers[name] as Helper;
    hb.registerHelper(name, guarded(name, builtin));
  }
}
