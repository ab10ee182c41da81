// Which adapter reads which format, for the sources configured under Settings → Alert sources.
import { ALERT_FORMATS, type AlertFormat } from '../normalized-alert';
import type { Adapter } from './adapter';
import { adaptAlertmanager } from './alertmanager';
import type { AlertGroupOptions } from './alert-group';
import { adaptDatadog } from './datadog';
import { adaptGeneric } from './generic';
import { adaptGrafana } from './grafana';
import { adaptJsonMapping, type JsonMappingOptions } from './json-mapping';
import { adaptPagerDuty } from './pagerduty';
import { adaptSentry, type SentryOptions } from './sentry';

export { ALERT_FORMATS, type AlertFormat };
export { parseJsonMapping, type JsonMapping, type JsonMappingConfig } from './json-mapping';

/** Everything a source can tell its adapter; each adapter reads only its own part. */
export type SourceOptions = AlertGroupOptions & SentryOptions & JsonMappingOptions;

const ADAPTERS: Record<AlertFormat, Adapter<SourceOptions>> = {
  generic: adaptGeneric,
  pagerduty: adaptPagerDuty,
  alertmanager: adaptAlertmanager,
  grafana: adaptGrafana,
  sentry: adaptSentry,
  datadog: adaptDatadog,
  'json-mapping': adaptJsonMapping,
};

export function adapterFor(format: AlertFormat): Adapter<SourceOptions> {
  return ADAPTERS[format];
}

export function isAlertFormat(name: string): name is AlertFormat {
  return (ALERT_FORMATS as readonly string[]).includes(name);
}
