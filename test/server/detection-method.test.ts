// How an incident was detected travels to the workflow as a code; the words stay in SQLite.
import { describe, expect, it } from 'vitest';
import { DETECTION_METHODS, DETECTION_METHOD_LABELS, toDetectionMethod } from '../../workflows/types';
import { detectionOf } from '../../server/use-cases/open-incident';
import { incidentFromForm } from '../../server/form-input';
import { incidentSchema } from '../../server/schemas';

describe('a detection method', () => {
  it('that is a known code is kept, with no note', () => {
    for (const code of DETECTION_METHODS) {
      expect(toDetectionMethod(code)).toEqual({ code, note: null });
      expect(DETECTION_METHOD_LABELS[code]).toBeTruthy();
    }
    expect(toDetectionMethod('  researcher ')).toEqual({ code: 'researcher', note: null });
  });

  it('that is free text becomes other, and the text is the note', () => {
    expect(toDetectionMethod('Call from jane.doe@example.com, +44 20 7946 0000')).toEqual({
      code: 'other',
      note: 'Call from jane.doe@example.com, +44 20 7946 0000',
    });
    // Codes are exact: a near miss is text, not a guess.
    expect(toDetectionMethod('Customer report')).toEqual({ code: 'other', note: 'Customer report' });
    expect(toDetectionMethod('alert:monitor')).toEqual({ code: 'other', note: 'alert:monitor' });
    expect(toDetectionMethod('   ')).toEqual({ code: 'other', note: null });
  });

  it('from an older API client keeps its words as the note, joined with an explicit detectionNote', () => {
    expect(detectionOf({ detectionMethod: 'customer_report' })).toEqual({ method: 'customer_report', note: null });
    expect(detectionOf({ detectionMethod: 'customer_report', detectionNote: 'Ticket 4411' })).toEqual({
      method: 'customer_report',
      note: 'Ticket 4411',
    });
    expect(detectionOf({ detectionMethod: 'IDS alert from the SOC' })).toEqual({
      method: 'other',
      note: 'IDS alert from the SOC',
    });
    expect(detectionOf({ detectionMethod: 'IDS alert from the SOC', detectionNote: 'host db-2' })).toEqual({
      method: 'other',
      note: 'IDS alert from the SOC\nhost db-2',
    });
    expect(detectionOf({ detectionMethod: 'audit', detectionNote: '   ' })).toEqual({ method: 'audit', note: null });
  });

  it('from the form is the select and the note field, through the same schema as the API', () => {
    const parsed = incidentSchema.parse(
      incidentFromForm({
        title: 'Lost laptop',
        detectedAt: '2026-11-25T08:00',
        severity: 'high',
        detectionMethod: 'employee_report',
        detectionNote: ' Reported by the facilities desk ',
        reporter: 'Facilities',
      }),
    );
    expect(parsed.detectionMethod).toBe('employee_report');
    expect(detectionOf(parsed)).toEqual({ method: 'employee_report', note: 'Reported by the facilities desk' });
    const noNote = incidentSchema.parse(
      incidentFromForm({
        title: 'Lost laptop',
        detectedAt: '2026-11-25T08:00',
        severity: 'high',
        detectionMethod: 'audit',
        detectionNote: '',
        reporter: 'Facilities',
      }),
    );
    expect(detectionOf(noNote)).toEqual({ method: 'audit', note: null });
  });
});
