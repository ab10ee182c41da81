// One structured logger for every process. Redaction is a safety net: call
// sites already log ids, never people, bodies or credentials.
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(name: string, level: string = process.env.BREACHLINE_LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: [
        '*.email',
        '*.phone',
        '*.name',
        '*.to',
        '*.authorization',
        '*.apiKey',
        '*.authToken',
        '*.password',
        '*.token',
        'req.headers.authorization',
        'req.headers.cookie',
      ],
      censor: '[redacted]',
    },
  });
}
