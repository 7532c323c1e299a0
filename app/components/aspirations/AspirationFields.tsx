// The fields every aspiration form shares: title, description, category, kelurahan, RW, address.
import { Field, SelectField, TextAreaField, type FormState } from "~/components/forms";
import { useLocale, useT } from "~/i18n/react";
import type { MessageKey } from "~/i18n";

export interface FieldOptions {
  categories: { id: number; nameId: string; nameEn: string }[];
  kelurahan: { id: number; name: string; rws: { id: number; name: string }[] }[];
}

export function AspirationFields({
  options,
  state,
  defaults = {},
  withAddress = true,
  autoFocus,
}: {
  options: FieldOptions;
  state?: FormState;
  defaults?: Record<string, string | number | undefined>;
  withAddress?: boolean;
  autoFocus?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const d = (k: string) => (defaults[k] === undefined || defaults[k] === null ? undefined : String(defaults[k]));
  return (
    <>
      <Field
        name="title"
        label={t("aspirations.new.titleLabel")}
        hint={t("aspirations.new.titleHint")}
        required
        state={state}
        defaultValue={d("title")}
        autoFocus={autoFocus}
      />
      <TextAreaField
        name="description"
        label={t("aspirations.new.description")}
        hint={t("aspirations.new.descriptionHint")}
        required
        rows={6}
        maxLength={4000}
        state={state}
        defaultValue={d("description")}
      />
      <SelectField name="categoryId" label={t("aspirations.new.category")} required state={state} defaultValue={d("categoryId")}>
        <option value="">{t("form.choose")}</option>
        {options.categories.map((c) => (
          <option key={c.id} value={c.id}>
            {locale === "en" ? c.nameEn : c.nameId}
          </option>
        ))}
      </SelectField>
      <SelectField name="kelurahanId" label={t("aspirations.new.kelurahan")} required state={state} defaultValue={d("kelurahanId")}>
        <option value="">{t("form.choose")}</option>
        {options.kelurahan.map((k) => (
          <option key={k.id} value={k.id}>
            {k.name}
          </option>
        ))}
      </SelectField>
      <SelectField name="rwId" label={t("aspirations.new.rw")} state={state} defaultValue={d("rwId")}>
        <option value="">{t("form.choose")}</option>
        {options.kelurahan.map((k) => (
          <optgroup key={k.id} label={k.name}>
            {k.rws.map((rw) => (
              <option key={rw.id} value={rw.id}>{`${rw.name} ${k.name}`}</option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      {withAddress && <Field name="address" label={t("aspirations.new.address")} state={state} defaultValue={d("address")} />}
    </>
  );
}

export function StatusTag({ status }: { status: string }) {
  const t = useT();
  return <span className={`status-tag status-${status}`}>{t(`aspirations.status.${status}` as MessageKey)}</span>;
}

export const statusLabel = (status: string) => `aspirations.status.${status}` as MessageKey;
export const channelLabel = (channel: string) => `aspirations.channel.${channel}` as MessageKey;
