// The JSON body parser every API route uses. Depth is checked on the raw bytes before
// JSON.parse: a document nested 50,000 deep parses fine but then overflows the stack of
// anything that walks it (validation, logging), which surfaced as a 500.
import express, { type RequestHandler } from 'express';
import { HttpError } from './errors';

export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of arrays and objects in a JSON text, strings skipped. */
export function jsonDepth(buf: Buffer): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next byte is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

export function jsonBody(limit: string): RequestHandler {
  return express.json({
    limit,
    strict: true,
    verify: (_req, _res, buf) => {
      if (jsonDepth(buf) > MAX_JSON_DEPTH) {
        throw new HttpError(400, `JSON nested deeper than ${MAX_JSON_DEPTH} levels`, null);
      }
    },
  });
}
