// The telephone call's TwiML in every shipped locale: that locale's voice, no template
// syntax left over, every value escaped, within Twilio's 4,000 characters, read twice,
// and read once when a very long headline would not fit twice.
import { describe, expect, it } from 'vitest';
import { renderCallScript, MAX_TWIML_CHARS } from '../../activities/render/call-script';
import { CALL_VOICES } from '../../activities/render/call-voices';
import { LOCALES } from '../../activities/render';
import { incident, org } from './fixtures';

describe('the call script', () => {
  for (const locale of LOCALES) {
    it(`${locale}: its own voice, escaped, within Twilio's limit, read twice`, () => {
      const s = renderCallScript(
        locale,
        { org: { ...org, legalName: 'Acme & <Co>' }, incident },
        { name: '{{name}} <script>"x"</script>' },
      );
      const voice = CALL_VOICES[locale]!;
      expect(s.locale).toBe(locale);
      expect(s.twiml).toContain(`<Say voice="${voice.voice}" language="${voice.language}">`);
      expect(s.twiml.length).toBeLessThanOrEqual(MAX_TWIML_CHARS);
      expect(s.twiml).toContain('Acme &amp; &lt;Co&gt;');
      expect(s.twiml).toContain('{{name}} &lt;script&gt;&quot;x&quot;&lt;/script&gt;');
      expect(s.twiml).not.toMatch(/<script>|<Co>/);
      expect(s.spokenText.replace('{{name}}', '')).not.toMatch(/\{\{|\}\}/);
      const firstSay = /<Say [^>]+>([^<]+)<\/Say>/.exec(s.twiml)![1]!;
      expect(s.twiml.split(firstSay).length - 1).toBe(2);
    });
  }

  it('reads the message once when a long headline would not fit twice', () => {
    const s = renderCallScript(
      'en',
      { org, incident: { ...incident, title: 'An incident. '.repeat(120) } },
      { name: 'A' },
    );
    expect(s.twiml.length).toBeLessThanOrEqual(MAX_TWIML_CHARS);
    expect(s.twiml).not.toContain('I will now repeat this message.');
  });
});
