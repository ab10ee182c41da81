// The assessment's free text is kept per locale (issue 14). Rows saved before, and API clients that
// still send the flat fields, are English; a notice in one language reads only that language's text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { insertAssessmentTx, parseNarrativeJson } from '../../store/assessments';
import { acceptedAssessment } from '../../activities/incident-view';
import { assessmentSchema, parse } from '../../server/schemas';
import { assessmentBody } from '../support/app-harness';
import { openFixtureDb, seedIncident } from '../support/fan-out-fixture';
import { HttpError } from '../../server/errors';
import { testEngines } from '../support/test-db';

describe.each(testEngines())('on %s', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await openFixtureDb('narrative', engine));
    await seedIncident(db, 'inc_narrative', []);
  });
  afterAll(async () => {
    await drop?.();
  });

  const EMPTY = {
    whatHappened: null,
    likelyConsequences: null,
    measuresTaken: null,
    measuresPlanned: null,
    stepsForIndividuals: null,
    remedies: null,
  };

  describe('the narrative kept per locale', () => {
    it('reads a row saved in the old flat shape as English', async () => {
      // Written as the app wrote it before: the flat fields, straight into narrative_json.
      await db.run(
        "INSERT INTO assessments (id, incident_id, facts_json, narrative_json, created_at, created_by) VALUES ('asm_flat', 'inc_narrative', '{}', ?, '2026-12-01T00:00:00Z', 'u')",
        [JSON.stringify({ whatHappened: 'A laptop was stolen.', remedies: null, measuresTaken: '' })],
      );
      const read = await acceptedAssessment(db, 'asm_flat');
      expect(read?.narrativeByLocale).toEqual({ en: { ...EMPTY, whatHappened: 'A laptop was stolen.' } });
    });

    it('keeps each locale apart and leaves out locales with no text', async () => {
      await db.transaction((tx) =>
        insertAssessmentTx(tx, {
          id: 'asm_locales',
          incidentId: 'inc_narrative',
          approximateRecords: null,
          identityProtectionOffered: false,
          narrative: {
            en: { whatHappened: 'A laptop was stolen.' },
            de: { whatHappened: 'Ein Laptop wurde gestohlen.', measuresTaken: 'Wir haben die Polizei informiert.' },
            ja: { whatHappened: '  ' },
          },
          publicHeadline: null,
          createdAt: '2026-12-01T00:00:00Z',
          createdBy: 'u',
        }),
      );
      const read = await acceptedAssessment(db, 'asm_locales');
      expect(read?.narrativeByLocale).toEqual({
        en: { ...EMPTY, whatHappened: 'A laptop was stolen.' },
        de: {
          ...EMPTY,
          whatHappened: 'Ein Laptop wurde gestohlen.',
          measuresTaken: 'Wir haben die Polizei informiert.',
        },
      });
      expect(parseNarrativeJson(null)).toEqual({});
      expect(parseNarrativeJson('{}')).toEqual({});
    });
  });

  describe('the assessment API', () => {
    it('takes the old flat shape as the English narrative', () => {
      const body = parse(assessmentSchema, assessmentBody({ narrative: { whatHappened: 'A laptop was stolen.' } }));
      expect(body.narrative).toEqual({ en: { ...EMPTY, whatHappened: 'A laptop was stolen.' } });
    });

    it('takes a narrative per locale', () => {
      const body = parse(
        assessmentSchema,
        assessmentBody({
          narrative: {
            en: { whatHappened: 'A laptop was stolen.' },
            ja: { whatHappened: 'ノートパソコンが盗まれました。' },
          },
        }),
      );
      expect(Object.keys(body.narrative).sort()).toEqual(['en', 'ja']);
      expect(body.narrative.ja?.whatHappened).toBe('ノートパソコンが盗まれました。');
    });

    it('refuses a locale without templates with 400 naming it', () => {
      let error: unknown;
      try {
        parse(
          assessmentSchema,
          assessmentBody({ narrative: { it: { whatHappened: 'Un portatile è stato rubato.' } } }),
        );
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(HttpError);
      expect((error as HttpError).field).toBe('narrative.it');
      expect((error as HttpError).status).toBe(400);
    });
  });

  describe('the public headline kept per locale', () => {
    it('keeps English in its column and the others beside their narrative, apart from the narrative itself', async () => {
      await db.transaction((tx) =>
        insertAssessmentTx(tx, {
          id: 'asm_headlines',
          incidentId: 'inc_narrative',
          approximateRecords: null,
          identityProtectionOffered: false,
          narrative: { de: { whatHappened: 'Ein Laptop wurde gestohlen.' } },
          publicHeadline: 'A laptop with customer data was stolen',
          publicHeadlines: { de: 'Ein Laptop mit Kundendaten wurde gestohlen', ja: 'ノートパソコンの盗難', ko: '  ' },
          createdAt: '2026-12-01T00:00:00Z',
          createdBy: 'u',
        }),
      );
      const read = await acceptedAssessment(db, 'asm_headlines');
      expect(read?.headlineByLocale).toEqual({
        en: 'A laptop with customer data was stolen',
        de: 'Ein Laptop mit Kundendaten wurde gestohlen',
        ja: 'ノートパソコンの盗難',
      });
      expect(read?.publicHeadline).toBe('A laptop with customer data was stolen');
      // A headline is no narrative section: a language with only a headline has no narrative.
      expect(read?.narrativeByLocale).toEqual({ de: { ...EMPTY, whatHappened: 'Ein Laptop wurde gestohlen.' } });
      // A row saved before has no headlines but the English one, if any.
      expect((await acceptedAssessment(db, 'asm_flat'))?.headlineByLocale).toEqual({});
    });

    it('refuses a headline under a locale without templates with 400 naming it', () => {
      let error: unknown;
      try {
        parse(assessmentSchema, assessmentBody({ publicHeadlines: { it: 'Furto di un portatile' } }));
      } catch (e) {
        error = e;
      }
      expect((error as HttpError).field).toBe('publicHeadlines.it');
      expect((error as HttpError).status).toBe(400);
    });
  });
});
