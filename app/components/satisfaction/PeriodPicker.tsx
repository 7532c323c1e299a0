// A GET form to choose the period (and the service): works without JavaScript.
import { Form } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";

export function periodText(t: (k: MessageKey, p?: Record<string, string | number>) => string, period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return t("satisfaction.period.quarter", { n: q[2], year: q[1] });
  const s = /^(\d{4})-S([12])$/.exec(period);
  if (s) return t("satisfaction.period.semester", { n: s[2], year: s[1] });
  return t("satisfaction.period.year", { year: period });
}

export function PeriodPicker({
  period,
  choices,
  services,
  service,
}: {
  period: string;
  choices: string[];
  services?: { id: number; name: string }[];
  service?: number | null;
}) {
  const t = useT();
  return (
    <Form method="get" className="skm-picker">
      <div className="field">
        <label htmlFor="f-period">{t("satisfaction.results.period")}</label>
        <select id="f-period" name="period" defaultValue={period}>
          {choices.map((c) => (
            <option key={c} value={c}>
              {periodText(t, c)}
            </option>
          ))}
        </select>
      </div>
      {services && services.length > 0 && (
        <div className="field">
          <label htmlFor="f-service">{t("satisfaction.form.service")}</label>
          <select id="f-service" name="service" defaultValue={service ? String(service) : ""}>
            <option value="">{t("satisfaction.results.allServices")}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit">{t("satisfaction.results.show")}</button>
    </Form>
  );
}
