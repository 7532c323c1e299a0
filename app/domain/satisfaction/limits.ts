// Rate limits of the survey, per IP (web forms) and per kiosk device (and its IP).
// One set per process, created in server/services.ts and handed to the actions
// (context.surveyLimits). An office's Wi-Fi is shared, so the per-IP limit is loose;
// repeated answers that pass it are caught by the anomaly flags instead.
import { RateLimiter, takeAll } from "~/domain/qa/rate-limit";

export interface SurveyLimits {
  /** one web sheet from this IP */
  web(ip: string): boolean;
  /** one kiosk request (one answer or one batch of stored answers) from this device */
  kiosk(deviceId: number, ip: string): boolean;
}

export interface SurveyLimitRules {
  webPerIpPer10Min: number;
  kioskPerDevicePerMinute: number;
  kioskPerIpPerMinute: number;
}

export const defaultSurveyLimitRules: SurveyLimitRules = { webPerIpPer10Min: 60, kioskPerDevicePerMinute: 30, kioskPerIpPerMinute: 120 };

export function createSurveyLimits(rules: SurveyLimitRules = defaultSurveyLimitRules): SurveyLimits {
  const webIp = new RateLimiter({ limit: rules.webPerIpPer10Min, windowMs: 600_000 });
  const kioskDevice = new RateLimiter({ limit: rules.kioskPerDevicePerMinute, windowMs: 60_000 });
  const kioskIp = new RateLimiter({ limit: rules.kioskPerIpPerMinute, windowMs: 60_000 });
  return {
    web: (ip) => webIp.take(ip),
    kiosk: (deviceId, ip) =>
      takeAll([
        [kioskDevice, String(deviceId)],
        [kioskIp, ip],
      ]),
  };
}
