// Samples: the mapping is exercised on documented payloads of tools read here through a
// configured mapping instead of their own adapter: pagerduty-trigger.json (PagerDuty's "Send an
// Alert Event", https://developer.pagerduty.com/docs/send-alert-event) and grafana-firing.json
// (https://grafana.com/docs/grafana/latest/alerting/configure-notifications/manage-contact-points/integrations/webhook-notifier/).
import { describe, expect, it } from 'vitest';
import { adaptJsonMapping, parseJsonMapping, type JsonMapping } from '../../../server/webhooks/adapters/json-mapping';
import { parseJsonPath, readJsonPath } from '../../../server/webhooks/adapters/json-path';
import { loadSample } from './load-sample';

function mapping(config: unknown): JsonMapping {
  const r = parseJsonMapping(config);
  if (!r.ok) throw new Error(`${r.field}: ${r.error}`);
  return r.mapping;
}

const pagerDutyMapping = {
  title: '$.payload.summary',
  dedupKey: '$.dedup_key',
  severity: { path: '$.payload.severity', map: { info: 'medium' } },
  action: { path: '$.event_action', map: { trigger: 'trigger', resolve: 'resolve' } },
  link: '$.links[0].href',
  eventId: "$['routing_key']",
};

const grafanaMapping = {
  alerts: '$.alerts',
  title: "$.annotations['summary']",
  dedupKey: '$.fingerprint',
  severity: { path: '$.labels.severity', default: 'low' },
  action: { path: '$.status', map: { firing: 'trigger', resolved: 'resolve' } },
  link: '$.generatorURL',
};

describe('generic JSON with a declarative field mapping', () => {
  it('maps a single-alert payload by path, with the severity value map taking precedence', () => {
    expect(adaptJsonMapping(loadSample('pagerduty-trigger.json'), { mapping: mapping(pagerDutyMapping) })).toEqual({
      ok: true,
      alerts: [
        {
          format: 'json-mapping',
          dedupKey: 'samplekeyhere',
          action: 'trigger',
          summary: 'Example alert on host1.example.com',
          severity: 'medium',
          eventId: 'samplekeyhere',
          link: 'https://example.com/',
        },
      ],
    });
  });

  it('maps every item of a list of alerts, reading paths from each item', () => {
    const r = adaptJsonMapping(loadSample('grafana-firing.json'), { mapping: mapping(grafanaMapping) });
    expect(r).toMatchObject({
      ok: true,
      alerts: [
        {
          dedupKey: 'c6eadffa33fcdf37',
          action: 'trigger',
          summary: 'This alert was triggered for zone us-1',
          severity: 'low',
          link: 'https://play.grafana.org/alerting/1afz29v7z/edit',
        },
        { dedupKey: 'bc97ff14869b13e3', summary: 'This alert was triggered for zone eu-1' },
      ],
    });
  });

  it('maps a status through the action map, and a known severity word without one', () => {
    const body = loadSample('grafana-firing.json');
    body.alerts![1]!.status = 'resolved';
    body.alerts![1]!.labels = { severity: 'critical' };
    const r = adaptJsonMapping(body, { mapping: mapping(grafanaMapping) });
    expect(r.ok && r.alerts.map((a) => [a.action, a.severity])).toEqual([
      ['trigger', 'low'],
      ['resolve', 'critical'],
    ]);
  });

  describe('validates the mapping and names the setting at fault', () => {
    const bad: [string, unknown, string, RegExp][] = [
      ['a path without $', { ...pagerDutyMapping, title: 'payload.summary' }, 'mapping.title', /starts with \$/],
      [
        'a filter expression',
        { ...pagerDutyMapping, title: '$.items[?(@.x)]' },
        'mapping.title',
        /index or a quoted name/,
      ],
      ['a wildcard', { ...pagerDutyMapping, dedupKey: '$.items.*' }, 'mapping.dedupKey', /name after "\."/],
      ['an unclosed quote', { ...pagerDutyMapping, link: "$['a" }, 'mapping.link', /unclosed/],
      [
        'script in place of a path',
        { ...pagerDutyMapping, title: '$.a;process.exit()' },
        'mapping.title',
        /unexpected ";"/,
      ],
      [
        'a severity we do not have',
        { ...pagerDutyMapping, severity: { path: '$.s', map: { x: 'sev1' } } },
        'mapping.severity.map.x',
        /./,
      ],
      ['an unknown setting', { ...pagerDutyMapping, template: '{{x}}' }, 'mapping', /template/],
      ['a missing title', { dedupKey: '$.k' }, 'mapping.title', /./],
    ];
    for (const [what, config, field, error] of bad) {
      it(what, () => {
        const r = parseJsonMapping(config);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.field).toBe(field);
          expect(r.error).toMatch(error);
        }
      });
    }
  });

  describe('refuses a payload the mapping cannot read and names the path', () => {
    it('a required value that is missing', () => {
      const body = loadSample('pagerduty-trigger.json');
      delete body.dedup_key;
      expect(adaptJsonMapping(body, { mapping: mapping(pagerDutyMapping) })).toEqual({
        ok: false,
        field: '$.dedup_key',
        error: 'required: the mapped path found no value',
      });
    });
    it('a status outside the action map', () => {
      const body = loadSample('pagerduty-trigger.json');
      body.event_action = 'snooze';
      expect(adaptJsonMapping(body, { mapping: mapping(pagerDutyMapping) })).toMatchObject({
        ok: false,
        field: '$.event_action',
        error: 'the value is not in the action map',
      });
    });
    it('an object where text is expected, inside a list item', () => {
      const body = loadSample('grafana-firing.json');
      body.alerts![1]!.fingerprint = { a: 1 };
      expect(adaptJsonMapping(body, { mapping: mapping(grafanaMapping) })).toMatchObject({
        ok: false,
        field: '$.alerts[1].fingerprint',
      });
    });
    it('no list where the mapping expects alerts', () => {
      expect(adaptJsonMapping({ alerts: {} }, { mapping: mapping(grafanaMapping) })).toMatchObject({
        ok: false,
        field: '$.alerts',
      });
    });
    it('a source without a mapping', () => {
      expect(adaptJsonMapping({})).toMatchObject({ ok: false, field: 'mapping' });
    });
  });

  it('paths read own properties only, never the prototype', () => {
    const p = parseJsonPath('$.constructor.name');
    expect(p.ok && readJsonPath({}, p.path)).toBeUndefined();
    const q = parseJsonPath("$['__proto__']");
    expect(q.ok && readJsonPath(JSON.parse('{"a":1}'), q.path)).toBeUndefined();
  });
});
