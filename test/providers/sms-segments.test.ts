import { describe, expect, it } from 'vitest';
import { countSmsSegments } from '../../activities/providers/sms-segments';

describe('SMS segment counting', () => {
  it('160 GSM-7 characters fit one segment, 161 need two', () => {
    expect(countSmsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(countSmsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2, units: 161 });
    expect(countSmsSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSmsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('extension characters cost two septets', () => {
    expect(countSmsSegments('€[]{}')).toEqual({ encoding: 'GSM-7', segments: 1, units: 10 });
    expect(countSmsSegments('a'.repeat(159) + '€')).toEqual({ encoding: 'GSM-7', segments: 2, units: 161 });
  });

  it('an escape pair is never split across segments', () => {
    // 152 septets then a two-septet character: it moves whole to the second segment.
    expect(countSmsSegments('a'.repeat(152) + '€' + 'a'.repeat(152)).segments).toBe(3);
  });

  it('Chinese text is UCS-2: 70 per single segment, 67 per part', () => {
    expect(countSmsSegments('数'.repeat(70))).toEqual({ encoding: 'UCS-2', segments: 1, units: 70 });
    expect(countSmsSegments('数'.repeat(71))).toEqual({ encoding: 'UCS-2', segments: 2, units: 71 });
  });

  it('one non-GSM character makes the whole message UCS-2', () => {
    expect(countSmsSegments('a'.repeat(100) + '“')).toEqual({ encoding: 'UCS-2', segments: 2, units: 101 });
  });

  it('characters outside the BMP count two UTF-16 units', () => {
    expect(countSmsSegments('🔒')).toEqual({ encoding: 'UCS-2', segments: 1, units: 2 });
    expect(countSmsSegments('a'.repeat(69) + '🔒')).toEqual({ encoding: 'UCS-2', segments: 2, units: 71 });
  });

  it('GSM-7 accented letters stay GSM-7', () => {
    expect(countSmsSegments('Ünïcödé').encoding).toBe('UCS-2');
    expect(countSmsSegments('Ä ö ñ ü é à').encoding).toBe('GSM-7');
  });
});
