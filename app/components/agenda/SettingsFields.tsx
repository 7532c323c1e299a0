// Dates, vote budget and score weights of a deliberation (create and settings forms).
import { CheckboxField, Field, type FormState } from "~/components/forms";
import { useT } from "~/i18n/react";

export interface SettingsDefaults {
  intakeStart?: string;
  intakeEnd?: string;
  reviewStart?: string;
  reviewEnd?: string;
  votesPerResident?: number;
  weightSupports?: number;
  weightVotes?: number;
  weightUrgency?: number;
  weightReach?: number;
  verifiedResidentsOnly?: boolean;
}

/** Dates, vote budget and weights: on the create form and the settings form. */
export function SettingsFields({ state, defaults = {} }: { state?: FormState; defaults?: SettingsDefaults }) {
  const t = useT();
  const s = (v: number | undefined, fallback: number) => String(v ?? fallback);
  return (
    <>
      <fieldset className="agenda-fieldset">
        <legend>{t("agenda.create.datesLegend")}</legend>
        <div className="agenda-grid">
          <Field name="intakeStart" label={t("agenda.field.intakeStart")} type="date" state={state} required defaultValue={defaults.intakeStart} />
          <Field name="intakeEnd" label={t("agenda.field.intakeEnd")} type="date" state={state} required defaultValue={defaults.intakeEnd} />
          <Field name="reviewStart" label={t("agenda.field.reviewStart")} type="date" state={state} required defaultValue={defaults.reviewStart} />
          <Field name="reviewEnd" label={t("agenda.field.reviewEnd")} type="date" state={state} required defaultValue={defaults.reviewEnd} />
        </div>
        <Field
          name="votesPerResident"
          label={t("agenda.field.votesPerResident")}
          state={state}
          required
          inputMode="numeric"
          defaultValue={s(defaults.votesPerResident, 5)}
        />
        <CheckboxField
          name="verifiedResidentsOnly"
          label={t("agenda.field.verifiedResidentsOnly")}
          hint={t("agenda.field.verifiedResidentsOnlyHint")}
          state={state}
          defaultChecked={defaults.verifiedResidentsOnly ?? false}
        />
      </fieldset>
      <fieldset className="agenda-fieldset">
        <legend>{t("agenda.settings.weightsLegend")}</legend>
        <div className="agenda-grid">
          <Field
            name="weightSupports"
            label={t("agenda.score.supports")}
            state={state}
            required
            inputMode="numeric"
            defaultValue={s(defaults.weightSupports, 1)}
          />
          <Field name="weightVotes" label={t("agenda.score.votes")} state={state} required inputMode="numeric" defaultValue={s(defaults.weightVotes, 2)} />
          <Field
            name="weightUrgency"
            label={t("agenda.score.urgency")}
            state={state}
            required
            inputMode="numeric"
            defaultValue={s(defaults.weightUrgency, 5)}
          />
          <Field name="weightReach" label={t("agenda.score.reach")} state={state} required inputMode="numeric" defaultValue={s(defaults.weightReach, 3)} />
        </div>
      </fieldset>
    </>
  );
}
