// Structured logs: one JSON object per line on stdout (pino), for log shippers.
// No personal data goes in: request lines carry the method, the path without its
// query, the status, the duration and a request id, never an IP, a cookie or a body.
// The few human lines of the start and the stop stay plain console lines.
import pino from "pino";

export const log = pino({ base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime, messageKey: "msg" });

export function setLogLevel(level: string): void {
  log.level = level;
}
