import { describe, expect, it } from 'vitest';
import { noticeTextChanges } from '../../server/notice-text-change';

describe('what a re-assessment changes in the notice text', () => {
  it('names each changed part and marks the words removed and added', () => {
    const changes = noticeTextChanges(
      { publicHeadline: 'Customer emails exposed', whatHappened: 'A forwarding rule sent emails outside.' },
      { publicHeadline: 'Customer emails exposed', whatHappened: 'A forwarding rule sent order emails outside.' },
    );
    expect(changes.map((c) => c.label)).toEqual(['What happened']);
    expect(changes[0]!.parts.filter((p) => p.change === 'added').map((p) => p.text.trim())).toEqual(['order']);
    expect(changes[0]!.parts.filter((p) => p.change === 'removed')).toEqual([]);
  });

  it('counts a wiped text as a change, and ignores line endings and edge spaces', () => {
    expect(noticeTextChanges({ remedies: 'Free credit monitoring' }, { remedies: '' })[0]!.parts).toEqual([
      { text: 'Free credit monitoring', change: 'removed' },
    ]);
    expect(noticeTextChanges({ whatHappened: 'a\r\nb ' }, { whatHappened: 'a\nb' })).toEqual([]);
  });
});
