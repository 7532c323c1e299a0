// The unit's queue figures for a period (WIB days, at most 92 at once): for everyone a
// summary (visits, served, no-shows, mean waiting and service time, each service, served
// per day, the helpdesk's "could do it alone next time"); for the unit's counter staff,
// supervisors and admins also per hour, per weekday and the helpdesk per service and
// month. Computed in SQL (queue.server.ts `figuresPage`); a plain GET form picks the period.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TableRegion } from "~/components/TableRegion";
import type { FigureRow } from "~/domain/services/queue.server";
import { figuresPage } from "~/domain/services/queue.server";
import { figuresQuerySchema } from "~/domain/services/queue.schema";
import { formatShortDate } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/services.css";
import { getUser } from "~/utils/auth.server";
import { defineLoader, idParam } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${metaT(matches)("queue.figures.title", { unit: data?.unit.name ?? "" })} · Balai` },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const unitId = idParam(params, "id", "services.unit.notFound");
  const query = figuresQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return figuresPage(context.db, await getUser(request, context), unitId, query, { memo: context.counts });
});

const minutes = (v: number | null, locale: string) => (v === null ? "–" : v.toLocaleString(locale === "en" ? "en-GB" : "id-ID", { maximumFractionDigits: 1 }));

function FigureCells({ row, locale }: { row: FigureRow; locale: string }) {
  return (
    <>
      <td className="num">{row.visits}</td>
      <td className="num">{row.served}</td>
      <td className="num">{row.noShows}</td>
      <td className="num">{minutes(row.waitMinutes, locale)}</td>
      <td className="num">{minutes(row.serviceMinutes, locale)}</td>
    </>
  );
}

function FigureHead({ first }: { first: string }) {
  const t = useT();
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{t("queue.figures.visits")}</th>
        <th scope="col">{t("queue.figures.served")}</th>
        <th scope="col">{t("queue.figures.noShows")}</th>
        <th scope="col">{t("queue.figures.wait")}</th>
        <th scope="col">{t("queue.figures.serviceTime")}</th>
      </tr>
    </thead>
  );
}

export default function UnitFiguresPage() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const day = (d: string) => formatShortDate(new Date(`${d}T12:00:00+07:00`), locale);
  const empty = data.total.visits === 0 && data.helpdesk.sessions === 0 && data.classes.classes === 0;
  return (
    <div className="queue-figures">
      <p className="svc-kicker">
        <Link to={`/layanan/unit/${data.unit.id}`}>{data.unit.name}</Link>
        {data.staff && (
          <>
            {" "}
            › <Link to={`/layanan/unit/${data.unit.id}/loket`}>{t("queue.figures.desk")}</Link>
          </>
        )}
      </p>
      <h1>{t("queue.figures.title", { unit: data.unit.name })}</h1>
      <p className="lead">{t(data.staff ? "queue.figures.staffIntro" : "queue.figures.publicIntro")}</p>

      <Form method="get" className="queue-period" aria-label={t("queue.figures.period")}>
        <div className="field">
          <label htmlFor="fig-from">{t("queue.figures.from")}</label>
          <input id="fig-from" name="dari" type="date" defaultValue={data.fromDay} />
        </div>
        <div className="field">
          <label htmlFor="fig-to">{t("queue.figures.to")}</label>
          <input id="fig-to" name="sampai" type="date" defaultValue={data.toDay} />
        </div>
        <button type="submit">{t("queue.figures.show")}</button>
        <p className="hint">{t("queue.figures.maxDays")}</p>
      </Form>

      <h2>{t("queue.figures.range", { from: day(data.fromDay), to: day(data.toDay) })}</h2>
      {empty ? (
        <p>{t("queue.figures.noData")}</p>
      ) : (
        <>
          <dl className="queue-summary">
            <div>
              <dt>{t("queue.figures.visits")}</dt>
              <dd>{data.total.visits}</dd>
            </div>
            <div>
              <dt>{t("queue.figures.served")}</dt>
              <dd>{data.total.served}</dd>
            </div>
            <div>
              <dt>{t("queue.figures.noShows")}</dt>
              <dd>{data.total.noShows}</dd>
            </div>
            <div>
              <dt>{t("queue.figures.wait")}</dt>
              <dd>{minutes(data.total.waitMinutes, locale)}</dd>
            </div>
            <div>
              <dt>{t("queue.figures.serviceTime")}</dt>
              <dd>{minutes(data.total.serviceMinutes, locale)}</dd>
            </div>
            <div>
              <dt>{t("queue.figures.helpdeskContacts")}</dt>
              <dd>{data.helpdesk.sessions}</dd>
            </div>
            <div>
              <dt>{t("queue.figures.alone")}</dt>
              <dd>{data.helpdesk.share === null ? "–" : `${data.helpdesk.share}%`}</dd>
            </div>
            <div>
              <dt>{t("queue.figures.classes")}</dt>
              <dd>{data.classes.classes}</dd>
            </div>
            <div>
              <dt>{t("queue.figures.classAttendance")}</dt>
              <dd>{data.classes.attendance}</dd>
            </div>
          </dl>

          <section aria-labelledby="fig-services">
            <h2 id="fig-services">{t("queue.figures.byService")}</h2>
            <TableRegion labelledBy="fig-services">
              <table>
                <FigureHead first={t("queue.service")} />
                <tbody>
                  {data.services.map((s) => (
                    <tr key={s.key.id}>
                      <th scope="row">{s.key.name}</th>
                      <FigureCells row={s} locale={locale} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </section>

          <section aria-labelledby="fig-days">
            <h2 id="fig-days">{t("queue.figures.byDay")}</h2>
            <TableRegion labelledBy="fig-days">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("queue.figures.day")}</th>
                    <th scope="col">{t("queue.figures.visits")}</th>
                    <th scope="col">{t("queue.figures.served")}</th>
                    <th scope="col">{t("queue.figures.noShows")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.days.map((d) => (
                    <tr key={d.day}>
                      <th scope="row">{day(d.day)}</th>
                      <td className="num">{d.visits}</td>
                      <td className="num">{d.served}</td>
                      <td className="num">{d.noShows}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </section>

          {data.staff && (
            <>
              <section aria-labelledby="fig-hours">
                <h2 id="fig-hours">{t("queue.figures.byHour")}</h2>
                <TableRegion labelledBy="fig-hours">
                  <table>
                    <FigureHead first={t("queue.figures.hour")} />
                    <tbody>
                      {data.hours.map((h) => (
                        <tr key={h.key}>
                          <th scope="row">{`${String(h.key).padStart(2, "0")}.00`}</th>
                          <FigureCells row={h} locale={locale} />
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableRegion>
              </section>
              <section aria-labelledby="fig-weekdays">
                <h2 id="fig-weekdays">{t("queue.figures.byWeekday")}</h2>
                <TableRegion labelledBy="fig-weekdays">
                  <table>
                    <FigureHead first={t("queue.figures.weekday")} />
                    <tbody>
                      {data.weekdays.map((w) => (
                        <tr key={w.key}>
                          <th scope="row">{t(`queue.weekday.${w.key as 0 | 1 | 2 | 3 | 4 | 5 | 6}`)}</th>
                          <FigureCells row={w} locale={locale} />
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableRegion>
              </section>
              <section aria-labelledby="fig-helpdesk">
                <h2 id="fig-helpdesk">{t("queue.figures.helpdesk")}</h2>
                {data.helpdeskRows.length === 0 ? (
                  <p>{t("queue.figures.noData")}</p>
                ) : (
                  <TableRegion labelledBy="fig-helpdesk">
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">{t("queue.service")}</th>
                          <th scope="col">{t("queue.figures.month")}</th>
                          <th scope="col">{t("queue.figures.sessions")}</th>
                          <th scope="col">{t("queue.figures.alone")}</th>
                          <th scope="col">{t("queue.figures.share")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {data.helpdeskRows.map((h) => (
                          <tr key={`${h.service ?? ""}-${h.month}`}>
                            <th scope="row">{h.service ?? t("queue.figures.otherService")}</th>
                            <td>{h.month}</td>
                            <td className="num">{h.sessions}</td>
                            <td className="num">{h.alone}</td>
                            <td className="num">{h.share}%</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableRegion>
                )}
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}
