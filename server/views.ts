// Server-rendered pages: Handlebars files in server/views with one layout and
// partials. Everything is escaped by default; the only raw insertion is the
// page body inside the layout.
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

/** What an approver reads for each rendered notice's audience. */
const NOTICE_AUDIENCE_WORDS: Record<string, string> = {
  individuals: 'People affected',
  individuals_correction: 'People who received an earlier version (sent only if you choose a correction)',
  individuals_no_link: 'People affected, without the public link (sent only if you choose "no public link")',
  individuals_correction_no_link:
    'People who received an earlier version, without the public link (correction and "no public link")',
  regulator: 'Regulator',
  controller: 'Controller',
  media: 'Media',
  credit_agencies: 'Credit reporting agencies',
};

const VIEWS_DIR = path.join(__dirname, 'views');

export function createViewEngine(opts: { cache: boolean }) {
  const hb = Handlebars.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('includes', (list: unknown, item: unknown) => Array.isArray(list) && list.includes(item));
  // A form field typed back from a flash: one value arrives as a string, several as an array.
  hb.registerHelper('has', (list: unknown, item: unknown) =>
    Array.isArray(list) ? list.includes(item) : list === item,
  );
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper(
    'memberOf',
    (members: unknown, id: unknown) => Array.isArray(members) && members.some((m: { id?: unknown }) => m.id === id),
  );
  hb.registerHelper('not', (v: unknown) => !v);
  hb.registerHelper('gt', (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a > b);
  hb.registerHelper('json', (v: unknown) => JSON.stringify(v, null, 2));
  hb.registerHelper('shortId', (v: unknown) => (typeof v === 'string' ? v.slice(0, 12) : ''));
  hb.registerHelper('humanize', (v: unknown) => (typeof v === 'string' ? v.replace(/_/g, ' ') : ''));
  hb.registerHelper('noticeAudience', (v: unknown) =>
    typeof v === 'string' ? (NOTICE_AUDIENCE_WORDS[v] ?? v.replace(/_/g, ' ')) : '',
  );
  const partialsDir = path.join(VIEWS_DIR, 'partials');
  const cache = new Map<string, Handlebars.TemplateDelegate>();
  const load = (file: string) => {
    const hit = opts.cache ? cache.get(file) : undefined;
    if (hit) return hit;
    if (fs.existsSync(partialsDir)) {
      for (const p of fs.readdirSync(partialsDir))
        hb.registerPartial(path.basename(p, '.hbs'), fs.readFileSync(path.join(partialsDir, p), 'utf8'));
    }
    const t = hb.compile(fs.readFileSync(file, 'utf8'));
    cache.set(file, t);
    return t;
  };
  return (file: string, options: object, callback: (e: unknown, rendered?: string) => void) => {
    try {
      const body = load(file)(options);
      const layout = load(path.join(VIEWS_DIR, 'layout.hbs'));
      callback(null, layout({ ...options, body: new hb.SafeString(body) }));
    } catch (err) {
      callback(err);
    }
  };
}

export { VIEWS_DIR };
