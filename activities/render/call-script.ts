// The telephone call: templates/subject-call/<locale>.text.hbs in three parts separated by
// a line of three dashes (the message, the words before it is read again, the goodbye),
// turned into TwiML that reads the message, reads it once more, and says goodbye. Every
// value is XML-escaped on its way into the TwiML; Handlebars leaves the text raw (the
// template is plain text, so escaping twice would be read aloud as "amp").
import { loadTemplate } from './loader';
import { callLanguageOf, type CallLanguage } from './call-voices';
import { buildNoticeContext } from './notice-context';
import type { NoticeInput } from './types';

export interface CallScript extends CallLanguage {
  twiml: string;
  /** The words of the message once, as spoken, for the dev mailbox and the approval page. */
  spokenText: string;
}

/** Twilio refuses inline TwiML longer than this. */
export const MAX_TWIML_CHARS = 4000;

export function xmlEscape(s: string): string {
  return s.replace(/[<>&'"]/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === "'" ? '&apos;' : '&quot;',
  );
}

/** A number read digit by digit ("4 1 5 5 ..."): text-to-speech reads a run of digits as one large number. */
export function spokenPhone(e164: string | null): string | null {
  if (!e164) return null;
  const digits = e164.replace(/\D/g, '');
  return digits ? digits.split('').join(' ') : null;
}

/** An address as a listener can type it: without the scheme. */
export function spokenUrl(url: string | null): string | null {
  return url ? url.replace(/^https?:\/\//, '').replace(/\/+$/, '') : null;
}

// Control characters (and a stray NUL) are not allowed in XML 1.0 at all.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(NOT_XML, '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

export function renderCallScript(storedLocale: string, v: NoticeInput, person: { name: string | null }): CallScript {
  const lang = callLanguageOf(storedLocale);
  const context = {
    ...buildNoticeContext(lang.locale, v.org, v.incident),
    person: { name: person.name?.trim() || null },
    spoken: {
      contactPhone: spokenPhone(v.org.contactPhone ?? v.org.dpo.phone),
      publicNoticeUrl: spokenUrl(v.incident.publicNoticeUrl),
    },
  };
  const parts = loadTemplate('subject-call', lang.locale, 'text')(context, lang.locale).split(/^---\s*$/m);
  if (parts.length !== 3)
    throw new Error(`subject-call/${lang.locale}.text.hbs: expected three parts separated by "---" lines`);
  const [message, again, goodbye] = parts.map((p) => paragraphs(p)) as [string[], string[], string[]];
  const say = (text: string) =>
    `<Say voice="${xmlEscape(lang.voice)}" language="${xmlEscape(lang.language)}">${xmlEscape(text)}</Say>`;
  const read = message.map((p) => say(p)).join('<Pause length="1"/>');
  const once = `<Response><Pause length="1"/>${read}<Pause length="1"/>${goodbye.map(say).join('')}</Response>`;
  const twice =
    `<Response><Pause length="1"/>${read}<Pause length="2"/>${again.map(say).join('')}<Pause length="1"/>` +
    `${read}<Pause length="1"/>${goodbye.map(say).join('')}</Response>`;
  // A long headline or name can push the repeated message past Twilio's limit: then it is read once.
  const twiml = twice.length <= MAX_TWIML_CHARS ? twice : once;
  if (twiml.length > MAX_TWIML_CHARS)
    throw new Error(`the call script is ${twiml.length} characters of TwiML; Twilio takes at most ${MAX_TWIML_CHARS}`);
  return { ...lang, twiml, spokenText: [...message, ...goodbye].join('\n\n') };
}
