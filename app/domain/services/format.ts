// Cost and time said the same way on every medium: page, print, card, display.
import type { Translate } from "~/i18n";
import { rupiah, type Duration } from "./diff";

export function costText(t: Translate, amount: number): string {
  return amount === 0 ? t("services.cost.free") : rupiah(amount);
}

export function durationText(t: Translate, d: Duration): string {
  return t(`services.duration.${d.unit}`, { value: d.value });
}
