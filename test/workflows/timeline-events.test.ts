// The typed timeline events (workflows/incident/timeline-events.ts) cover every event the incident
// workflow writes: each event(...) call's type in workflow.ts, literal, conditional or built from a
// template (`alert.${action}`, `deadline.${kind}`), is in INCIDENT_EVENT_TYPES.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  INCIDENT_EVENT_TYPES,
  isIncidentEventType,
  type DetailsOf,
  type IncidentEvent,
  type IncidentEventType,
} from '../../workflows/incident/timeline-events';
import type { TimelineEvent } from '../../workflows/types';

const WORKFLOW = path.resolve(__dirname, '../../workflows/incident/workflow.ts');
const WORKFLOW_V1 = path.resolve(__dirname, '../../workflows/incident-v1/workflow.ts');

/** The types the event(...) calls of a source file can give: literals, and template prefixes ending in "*". */
function emittedTypes(file: string): string[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const typesOf = (e: ts.Expression): string[] => {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
    if (ts.isTemplateExpression(e)) return [`${e.head.text}*`];
    if (ts.isConditionalExpression(e)) return [...typesOf(e.whenTrue), ...typesOf(e.whenFalse)];
    if (ts.isParenthesizedExpression(e)) return typesOf(e.expression);
    // v2 passes { type, details }, typed by the compiler; the scan reads its type the same way.
    if (ts.isObjectLiteralExpression(e)) {
      const type = e.properties.find(
        (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(sf) === 'type',
      );
      if (type) return typesOf(type.initializer);
    }
    throw new Error(
      `event type not read from source: ${e.getText(sf)} (line ${sf.getLineAndCharacterOfPosition(e.getStart()).line + 1})`,
    );
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'event') {
      found.push(...typesOf(node.arguments[0]!));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return [...new Set(found)].sort();
}

describe('incident timeline events', () => {
  // v1 still runs for incidents started under it: its events are timeline events too.
  const emitted = [...new Set([...emittedTypes(WORKFLOW), ...emittedTypes(WORKFLOW_V1)])].sort();
  const listed: readonly string[] = INCIDENT_EVENT_TYPES;

  it('finds the event(...) calls of workflow.ts', () => {
    expect(emitted.length).toBeGreaterThan(20);
    expect(emitted).toContain('incident.opened');
    expect(emitted).toContain('alert.*');
    expect(emitted).toContain('deadline.*');
  });

  it('lists every type workflow.ts writes, and every value of the templated ones', () => {
    const missing = emitted.filter((t) => (t.endsWith('*') ? false : !listed.includes(t)));
    expect(missing).toEqual([]);
    const prefixes = emitted.filter((t) => t.endsWith('*')).map((t) => t.slice(0, -1));
    for (const p of prefixes) expect(listed.filter((t) => t.startsWith(p)).length, p).toBeGreaterThan(0);
    expect(listed.filter((t) => t.startsWith('alert.')).sort()).toEqual([
      'alert.acknowledge',
      'alert.resolve',
      'alert.trigger',
    ]);
    expect(listed.filter((t) => t.startsWith('deadline.')).sort()).toEqual([
      'deadline.escalation',
      'deadline.hold_review',
      'deadline.reminder',
    ]);
  });

  it('lists each type once, and isIncidentEventType agrees with the list', () => {
    expect(new Set(listed).size).toBe(listed.length);
    for (const t of listed) expect(isIncidentEventType(t)).toBe(true);
    expect(isIncidentEventType('incident.reopened')).toBe(false);
    expect(isIncidentEventType(undefined)).toBe(false);
  });

  it('types the details of each event by its type', () => {
    expectTypeOf<(typeof INCIDENT_EVENT_TYPES)[number]>().toEqualTypeOf<IncidentEventType>();
    expectTypeOf<IncidentEvent>().toMatchTypeOf<TimelineEvent>();
    expectTypeOf<DetailsOf<'hold.placed'>>().toEqualTypeOf<{ holdId: string; reviewEveryDays: number }>();
    expectTypeOf<DetailsOf<'wave.paused'>['reason']>().toEqualTypeOf<'hold' | 'withdrawn' | 'closed'>();
    expectTypeOf<DetailsOf<'alert.resolve'>>().toEqualTypeOf<{ alertId: string }>();
    expectTypeOf<DetailsOf<'deadline.hold_review'>>().toEqualTypeOf<{
      obligationId: string | null;
      dueAt: string | null;
    }>();
    expectTypeOf<DetailsOf<'stage.reporting'>>().toEqualTypeOf<undefined>();
    // @ts-expect-error not an event type
    expectTypeOf<DetailsOf<'wave.resumed'>>().toBeUnknown();
    const e: IncidentEvent = {
      incidentId: 'i',
      type: 'workflow.migrated',
      at: '2026-01-01T00:00:00.000Z',
      actor: { kind: 'system', id: 'workflow' },
      summary: 'Migrated',
      details: { from: 'v1', to: 'v2' },
    };
    if (e.type === 'workflow.migrated') expectTypeOf(e.details).toEqualTypeOf<{ from: string; to: string }>();
  });
});
