// Rate limits of the survey, per IP (web forms) and per kiosk device (and its IP).
// One set per process, created in server/services.ts and handed to the actions
// (context.surveyLimits). They count through the shared Limiter interface like the
// other limits (decision 8): in this process by default, in Redis when the server
// scales out, so a kiosk or a phone gets no more answers by switching instance.
// An office's Wi-Fi is shared, so the per-IP limit is loose; repeated answers that
// pass it are caught by the anomaly flags instead.
import { memoryLimiters, takeAll, type LimiterFactory } from "~/domain/limits";

export interface SurveyLimits {
  /** one web sheet from this IP */
  web(ip: string): Promise<boolean>;
  /** one kiosk request (one answer or one batch of stored answers) from this device */
  kiosk(deviceId: number, ip: string): Promise<boolean>;
}

export interface SurveyLimitRules {
  webPerIpPer10Min: number;
  kioskPerDevicePerMinute: number;
  kioskPerIpPerMinute: number;
}

export const defaultSurveyLimitRules: SurveyLimitRules = { webPerIpPer10Min: 60, kioskPerDevicePerMinute: 30, kioskPerIpPerMinute: 120 };

/** `limiters`: where the counts live (this process by default; Redis when the server scales out). */
export function createSurveyLimits(rules: SurveyLimitRules = defaultSurveyLimitRules, limiters: LimiterFactory = memoryLimiters): SurveyLimits {
  const webIp = limiters({ name: "survey-web-ip", limit: rules.webPerIpPer10Min, windowMs: 600_000 });
  const kioskDevice = limiters({ name: "survey-kiosk-device", limit: rules.kioskPerDevicePerMinute, windowMs: 60_000 });
  const kioskIp = limiters({ name: "survey-kiosk-ip", limit: rules.kioskPerIpPerMinute, windowMs: 60_000 });
  return {
    web: (ip) => webIp.take(ip),
    kiosk: (deviceId, ip) =>
      takeAll([
        [kioskDevice, String(deviceId)],
        [kioskIp, ip],
      ]),
  };
}
