import { describe, expect, it } from 'vitest';
import { retryAfterFrom, safeErrorSummary, toSendError } from '../../activities/providers/errors';
import { SendError } from '../../activities/providers/types';

describe('retry delays from response headers', () => {
  const now = Date.parse('2026-11-26T10:00:00Z');

  it('reads Retry-After in seconds', () => {
    expect(retryAfterFrom({ 'retry-after': '12' }, now)).toBe(12_000);
  });

  it('reads Retry-After as an HTTP date', () => {
    expect(retryAfterFrom({ 'Retry-After': 'Thu, 26 Nov 2026 10:00:30 GMT' }, now)).toBe(30_000);
  });

  it('falls back to X-RateLimit-Reset (Unix seconds)', () => {
    expect(retryAfterFrom({ 'x-ratelimit-reset': String(now / 1000 + 45) }, now)).toBe(45_000);
  });

  it('gives nothing when neither header is there', () => {
    expect(retryAfterFrom({}, now)).toBeUndefined();
    expect(retryAfterFrom(undefined, now)).toBeUndefined();
  });
});

describe('classifying errors that are not HTTP answers', () => {
  it('a connection reset or hang-up is uncertain', () => {
    const hangUp = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(toSendError(hangUp, 'Twilio').kind).toBe('uncertain');
    expect(toSendError(new Error('socket hang up'), 'Twilio').kind).toBe('uncertain');
  });

  it('a failed DNS lookup is retryable', () => {
    expect(
      toSendError(Object.assign(new Error('getaddrinfo EAI_AGAIN api.sendgrid.com'), { code: 'EAI_AGAIN' }), 'SendGrid')
        .kind,
    ).toBe('retryable');
    expect(
      toSendError(Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' }), 'SendGrid').kind,
    ).toBe('retryable');
  });

  it('an unrecognised failure is uncertain, and its message is scrubbed', () => {
    const s = safeErrorSummary(new TypeError('cannot send to someone@example.org or +14155550123'));
    expect(s.kind).toBe('uncertain');
    expect(s.message).not.toContain('someone@example.org');
    expect(s.message).not.toContain('4155550123');
  });

  it('a SendError passes through unchanged', () => {
    const e = new SendError('permanent', 'x', { status: 400 });
    expect(toSendError(e)).toBe(e);
    expect(safeErrorSummary(e)).toEqual({ kind: 'permanent', status: 400, message: 'x' });
  });
});
