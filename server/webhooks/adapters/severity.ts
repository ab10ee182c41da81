// One reading of the severity words monitoring tools use, onto our four levels.
import type { Severity } from '../../../workflows/types';

const WORDS: Record<string, Severity> = {
  critical: 'critical',
  crit: 'critical',
  fatal: 'critical',
  emergency: 'critical',
  page: 'critical',
  p1: 'critical',
  high: 'high',
  error: 'high',
  err: 'high',
  major: 'high',
  p2: 'high',
  medium: 'medium',
  warning: 'medium',
  warn: 'medium',
  moderate: 'medium',
  p3: 'medium',
  low: 'low',
  minor: 'low',
  info: 'low',
  informational: 'low',
  notice: 'low',
  debug: 'low',
  none: 'low',
  p4: 'low',
  p5: 'low',
};

/**
 * A tool's severity word as ours. An unknown or missing word is `fallback`: an alert
 * whose weight we cannot read is treated as the generic alert's default, not dropped.
 */
export function severityFromWord(word: string | undefined, fallback: Severity = 'high'): Severity {
  return readSeverityWord(word) ?? fallback;
}

/** A severity word as ours, or undefined when it is missing or not one we know. */
export function readSeverityWord(word: string | undefined): Severity | undefined {
  return word ? WORDS[word.trim().toLowerCase()] : undefined;
}
