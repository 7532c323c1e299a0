// /admin/jobs: the timed jobs (run once across instances): last run, outcome,
// next run, failures, and "run now". Admins only.
import type { MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/forms";
import { TableRegion } from "~/components/TableRegion";
import { can } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import { listJobs, runJobSoon } from "~/domain/jobs/jobs.server";
import { formatDateTime, type MessageKey } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("jobs.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const actor = await requirePermission(request, context, can.manageUsers);
  return { jobs: await listJobs(context.db, actor), now: new Date() };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const actor = await requirePermission(request, context, can.manageUsers);
  const name = form.get("job");
  if (typeof name !== "string" || !/^[a-z][a-z0-9.-]{0,60}$/.test(name)) throw new DomainError("error.badRequest");
  await runJobSoon(context.db, actor, name);
  return redirectWithFlash(context, "/admin/jobs", { key: "jobs.scheduled" });
});

export default function AdminJobs() {
  const { jobs, now } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const when = (iso: string | null) => (iso ? formatDateTime(new Date(iso), locale) : "—");
  const label = (name: string) => {
    const key = `jobs.name.${name}` as MessageKey;
    const text = t(key);
    return text === key ? name : text;
  };
  return (
    <>
      <h1>{t("jobs.title")}</h1>
      <p>{t("jobs.intro")}</p>
      {jobs.length === 0 ? (
        <p>{t("jobs.none")}</p>
      ) : (
        <TableRegion label={t("jobs.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("jobs.col.name")}</th>
                <th scope="col">{t("jobs.col.lastRun")}</th>
                <th scope="col">{t("jobs.col.status")}</th>
                <th scope="col">{t("jobs.col.nextRun")}</th>
                <th scope="col">{t("jobs.col.counts")}</th>
                <th scope="col">{t("jobs.col.instance")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("jobs.runNow")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => {
                const running = job.leaseUntil !== null && new Date(job.leaseUntil) > now;
                return (
                  <tr key={job.name}>
                    <th scope="row">
                      {label(job.name)}
                      <br />
                      <code>{job.name}</code>
                    </th>
                    <td>{when(job.lastFinishedAt)}</td>
                    <td>
                      {running
                        ? t("jobs.status.running")
                        : job.lastStatus === "ok"
                          ? t("jobs.status.ok")
                          : job.lastStatus === "failed"
                            ? t("jobs.status.failed")
                            : t("jobs.status.never")}
                      {job.lastStatus === "ok" && job.lastResult ? (
                        <>
                          <br />
                          <small>{job.lastResult}</small>
                        </>
                      ) : null}
                      {job.lastStatus === "failed" && job.lastError ? (
                        <>
                          <br />
                          <small>{t("jobs.lastError", { error: job.lastError })}</small>
                        </>
                      ) : null}
                    </td>
                    <td>{when(job.nextRunAt)}</td>
                    <td>
                      {job.runs} / {job.failures}
                    </td>
                    <td>{job.lastInstance ?? "—"}</td>
                    <td>
                      <Form method="post" className="inline-form">
                        <CsrfField />
                        <input type="hidden" name="job" value={job.name} />
                        <button type="submit" className="button-secondary">
                          {t("jobs.runNow")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
