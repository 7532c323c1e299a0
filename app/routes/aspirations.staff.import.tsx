import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { CheckboxField, CsrfField, FileInput, FormAlert, TextAreaField } from "~/components/forms";
import { can } from "~/domain/accounts/roles";
import { importSchema } from "~/domain/aspirations/aspirations.schema";
import { importAspirations } from "~/domain/aspirations/import.server";
import type { MessageKey } from "~/i18n";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/aspirations.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader } from "~/utils/boundary.server";
import { TableRegion } from "~/components/TableRegion";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("aspirations.import.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  await requirePermission(request, context, can.manageAspirations);
  return null;
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const actor = await requirePermission(request, context, can.manageAspirations);
  const input = form.parse(importSchema);
  // pasted text first; otherwise the chosen file (multipart)
  const file = form.data.get("file");
  const csv = input.csv.trim() ? input.csv : file && typeof file !== "string" && file.size > 0 ? await file.text() : "";
  const report = await importAspirations(context.db, actor, { csv, dryRun: input.intent === "check", consent: input.consent });
  return data({ report, values: { ...form.values, csv } }, { status: report.valid ? 200 : 422 });
});

export default function ImportPage() {
  const t = useT();
  const state = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const report = state && "report" in state ? state.report : undefined;
  // a refused form (fields, consent) shows its errors; a checked file shows its report instead
  const refused = report ? undefined : state;
  const bad = report ? report.lines.filter((l) => l.problems.length > 0).length : 0;
  return (
    <>
      <h1>{t("aspirations.import.title")}</h1>
      <p>{t("aspirations.import.lead")}</p>
      <p className="hint">{t("aspirations.import.columns")}</p>
      <FormAlert state={refused} />

      {report && (
        <section aria-labelledby="report-title" tabIndex={-1}>
          <h2 id="report-title">{t("aspirations.import.report")}</h2>
          {report.imported.length > 0 ? (
            <div className="alert alert-info" role="status">
              <p>{t("aspirations.flash.imported", { count: report.imported.length })}</p>
              <p>{t("aspirations.import.imported")}:</p>
              <ul>
                {report.imported.map((code) => (
                  <li key={code}>
                    <Link to={`/aspirations/${code}`} className="code-inline">
                      {code}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : report.headerProblems.length > 0 ? (
            <div className="alert alert-error" role="alert">
              <ul>
                {report.headerProblems.map((p) => (
                  <li key={p.key + JSON.stringify(p.params)}>{t(p.key, p.params)}</li>
                ))}
              </ul>
            </div>
          ) : report.valid ? (
            <p className="alert alert-info" role="status">
              {t("aspirations.import.valid", { count: report.lines.length })}
            </p>
          ) : (
            <p className="alert alert-error" role="alert">
              {t("aspirations.import.invalid", { count: bad })}
            </p>
          )}
          {report.lines.length > 0 && report.imported.length === 0 && (
            <TableRegion labelledBy="report-title">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("aspirations.import.row")}</th>
                    <th scope="col">{t("aspirations.import.titleCol")}</th>
                    <th scope="col">{t("aspirations.import.result")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.lines.map((l) => (
                    <tr key={l.row} className={l.problems.length ? "row-error" : undefined}>
                      <td>{l.row}</td>
                      <td>{l.title}</td>
                      <td>
                        {l.problems.length === 0 ? (
                          t("aspirations.import.ok")
                        ) : (
                          <ul>
                            {l.problems.map((p) => (
                              <li key={p.field}>
                                {t(`aspirations.import.field.${p.field}` as MessageKey)}: {t(p.key)}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </section>
      )}

      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <CsrfField />
        <TextAreaField name="csv" label={t("aspirations.import.csv")} rows={10} state={report?.imported.length ? undefined : state} />
        <div className="field">
          <label htmlFor="f-file">{t("aspirations.import.file")}</label>
          <FileInput id="f-file" name="file" accept=".csv,text/csv" />
        </div>
        <CheckboxField name="consent" label={t("aspirations.import.consent")} state={report?.imported.length ? undefined : state} />
        <div className="actions">
          <button type="submit" name="intent" value="check" className="button-secondary" disabled={busy}>
            {t("aspirations.import.check")}
          </button>
          <button type="submit" name="intent" value="import" disabled={busy}>
            {t("aspirations.import.import")}
          </button>
        </div>
      </Form>
    </>
  );
}
