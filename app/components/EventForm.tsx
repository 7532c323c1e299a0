// The create/edit form for events: plain fields that work without JavaScript.
import { Form, useNavigation } from "@remix-run/react";
import { CheckboxField, CsrfField, Field, FormAlert, SelectField, TextAreaField, type FormState } from "~/components/forms";
import { ACCESSIBILITY, EVENT_KINDS } from "~/domain/events/events.schema";
import { REPEAT_KINDS } from "~/domain/events/recurrence";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { kindKey } from "./events";

interface Props {
  state?: FormState;
  defaults?: Record<string, string>;
  kelurahan: { id: number; name: string; rws: { id: number; name: string }[] }[];
  creating: boolean;
}

export function EventForm({ state, defaults = {}, kelurahan, creating }: Props) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const d = (k: string) => defaults[k] ?? "";
  const access = (defaults.accessibility ?? "").split(",");
  return (
    <>
      <FormAlert state={state} />
      <Form method="post" className="stack event-form" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="save" />
        <SelectField name="kind" label={t("events.form.kind")} required state={state} defaultValue={d("kind") || "dialogue"}>
          {EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(kindKey(k))}
            </option>
          ))}
        </SelectField>
        <Field name="title" label={t("events.form.title")} required state={state} defaultValue={d("title")} />
        <TextAreaField
          name="description"
          label={t("events.form.description")}
          hint={t("events.form.descriptionHint")}
          rows={6}
          maxLength={5000}
          state={state}
          defaultValue={d("description")}
        />
        <Field name="topic" label={t("events.form.topic")} state={state} defaultValue={d("topic")} />
        <fieldset>
          <legend>{t("events.detail.when")}</legend>
          <Field name="date" type="date" label={t("events.form.date")} hint={t("events.form.dateHint")} required state={state} defaultValue={d("date")} />
          <div className="field-row">
            <Field name="startTime" type="time" label={t("events.form.startTime")} required state={state} defaultValue={d("startTime") || "09:00"} />
            <Field name="endTime" type="time" label={t("events.form.endTime")} required state={state} defaultValue={d("endTime") || "11:00"} />
          </div>
          {creating && (
            <>
              <SelectField name="repeat" label={t("events.form.repeat")} state={state} defaultValue="none" required>
                {REPEAT_KINDS.map((r) => (
                  <option key={r} value={r}>
                    {t(`events.form.repeat.${r}` as MessageKey)}
                  </option>
                ))}
              </SelectField>
              <Field
                name="occurrences"
                type="number"
                inputMode="numeric"
                label={t("events.form.occurrences")}
                hint={t("events.form.occurrencesHint")}
                state={state}
              />
            </>
          )}
        </fieldset>
        <fieldset>
          <legend>{t("events.detail.where")}</legend>
          <Field name="venueName" label={t("events.form.venueName")} required state={state} defaultValue={d("venueName")} />
          <Field name="venueAddress" label={t("events.form.venueAddress")} required state={state} defaultValue={d("venueAddress")} />
          <SelectField name="kelurahanId" label={t("events.form.kelurahan")} state={state} defaultValue={d("kelurahanId")}>
            <option value="">{t("form.choose")}</option>
            {kelurahan.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </SelectField>
          <SelectField name="rwId" label={t("events.form.rw")} state={state} defaultValue={d("rwId")}>
            <option value="">{t("form.choose")}</option>
            {kelurahan.map((k) => (
              <optgroup key={k.id} label={k.name}>
                {k.rws.map((rw) => (
                  <option key={rw.id} value={rw.id}>{`${rw.name} ${k.name}`}</option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <p className="hint">{t("events.form.coordinates")}</p>
          <div className="field-row">
            <Field name="latitude" inputMode="text" label={t("events.form.latitude")} state={state} defaultValue={d("latitude")} />
            <Field name="longitude" inputMode="text" label={t("events.form.longitude")} state={state} defaultValue={d("longitude")} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("events.rsvp.title")}</legend>
          <Field
            name="capacity"
            type="number"
            inputMode="numeric"
            label={t("events.form.capacity")}
            hint={t("events.form.capacityHint")}
            state={state}
            defaultValue={d("capacity")}
          />
          <CheckboxField
            name="registrationOpen"
            label={t("events.form.registrationOpen")}
            state={state}
            defaultChecked={creating || d("registrationOpen") === "on"}
          />
        </fieldset>
        <fieldset className="checkbox-group">
          <legend>{t("events.form.accessibility")}</legend>
          {ACCESSIBILITY.map((a) => (
            <CheckboxField
              key={a}
              name="accessibility"
              value={a}
              label={t(`events.access.${a}` as MessageKey)}
              state={state}
              defaultChecked={access.includes(a)}
            />
          ))}
        </fieldset>
        <TextAreaField name="agenda" label={t("events.form.agenda")} hint={t("events.form.agendaHint")} rows={4} state={state} defaultValue={d("agenda")} />
        <TextAreaField
          name="officials"
          label={t("events.form.officials")}
          hint={t("events.form.officialsHint")}
          rows={3}
          state={state}
          defaultValue={d("officials")}
        />
        <TextAreaField name="stalls" label={t("events.form.stalls")} hint={t("events.form.stallsHint")} rows={4} state={state} defaultValue={d("stalls")} />
        <button type="submit" disabled={busy}>
          {creating ? t("events.form.create") : t("events.form.save")}
        </button>
      </Form>
    </>
  );
}
