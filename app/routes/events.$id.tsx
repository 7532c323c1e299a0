import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import eventsCss from "~/styles/events.css";
import { CsrfField, Field, FormAlert } from "~/components/forms";
import { AccessList, CancelRsvp, formatRange, kindKey, SeatsLine, statusKey, useLiveEvent } from "~/components/events";
import { rooms } from "~/realtime/contract";
import { can } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import { googleCalendarLink } from "~/domain/events/calendar.server";
import { guestRsvpSchema } from "~/domain/events/events.schema";
import { getEventPage } from "~/domain/events/events.server";
import { cancelMyRsvp, rsvpAsGuest, rsvpAsUser } from "~/domain/events/rsvp.server";
import { formatDateTime, type MessageKey } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import { getUser, requireUser } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam, redirectWithFlash } from "~/utils/boundary.server";
import type { Flash } from "~/utils/flash.server";
import { getLocale } from "~/utils/locale.server";
import { originOf } from "~/utils/origin.server";
// live polls of the event's Q&A sessions, kept in the closed event's public summary (issue 17)
import { PollSummary } from "~/components/polls";
import { eventPollSummary } from "~/domain/qa/polls.server";
import pollsCss from "~/styles/polls.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: eventsCss },
  { rel: "stylesheet", href: pollsCss },
];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  if (!data) return [{ title: `${t("events.notFound")} · Balai` }];
  return [{ title: `${data.event.title} · Balai` }, { name: "description", content: `${t(kindKey(data.event.kind))}: ${data.event.venueName}` }];
};

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const id = idParam(params, "id", "events.notFound");
  const user = await getUser(request, context);
  const page = await getEventPage(context.db, user, id, context.images, undefined, getLocale(request));
  const url = `${originOf(request, context)}/events/${id}`;
  return {
    ...page,
    url,
    googleUrl: googleCalendarLink(page.event, url),
    signedIn: !!user,
    canManage: can.manageEvents(user),
    polls: page.event.status === "completed" ? await eventPollSummary(context.db, id) : [],
  };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const id = idParam(params, "id", "events.notFound");
  const notifier = { mailer: context.mailer, publicUrl: originOf(request, context), locale: getLocale(request) };
  const changed = () => context.realtime.publish(rooms.event(id), "event:changed", { eventId: id });
  switch (form.get("intent")) {
    case "guest": {
      const input = form.parse(guestRsvpSchema);
      const result = await rsvpAsGuest(context.db, id, input, notifier);
      changed();
      return redirect(`/rsvp/${result.code}${getLocale(request) === "en" ? "?lang=en" : ""}`);
    }
    case "rsvp": {
      const user = await requireUser(request, context);
      const { title } = (await getEventPage(context.db, user, id, undefined, undefined, getLocale(request))).event;
      const result = await rsvpAsUser(context.db, user, id);
      changed();
      const flash: Flash =
        result.status === "confirmed"
          ? { key: "events.rsvp.confirmed", params: { title, code: result.code } }
          : { key: "events.rsvp.waitlisted", params: { title, code: result.code, position: result.position } };
      return redirectWithFlash(context, `/events/${id}#rsvp`, flash);
    }
    case "cancel": {
      const user = await requireUser(request, context);
      const result = await cancelMyRsvp(context.db, user, id, notifier);
      changed();
      return redirectWithFlash(context, `/events/${id}#rsvp`, { key: result.promoted > 0 ? "events.rsvp.cancelledPromoted" : "events.rsvp.cancelled" });
    }
    default:
      throw new DomainError("error.badRequest");
  }
});

export default function EventPage() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const e = data.event;
  useLiveEvent(e.id);
  const cover = e.images.find((i) => i.isCover) ?? e.images[0];
  const gallery = e.images.filter((i) => i !== cover);
  const osm =
    e.latitude !== null && e.longitude !== null
      ? `https://www.openstreetmap.org/?mlat=${e.latitude}&mlon=${e.longitude}#map=17/${e.latitude}/${e.longitude}`
      : `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${e.venueName}, ${e.venueAddress}`)}`;
  const share = `https://wa.me/?text=${encodeURIComponent(t("events.detail.shareText", { title: e.title, when: formatDateTime(e.startsAt, locale), url: data.url }))}`;
  const seriesText = e.series
    ? t(e.series.key, {
        weekday: t(`events.weekday.${e.series.weekday}` as MessageKey),
        nth: e.series.nth ? t(`events.nth.${e.series.nth}` as MessageKey) : "",
        start: e.series.startTime.replace(":", locale === "id" ? "." : ":"),
        end: e.series.endTime.replace(":", locale === "id" ? "." : ":"),
      })
    : null;
  const guestState = state?.values?.intent === "guest" ? state : undefined;
  const rsvpState = state && state.values?.intent !== "guest" ? state : undefined;

  return (
    <article className="event-page">
      <p className="breadcrumb">
        <Link to="/events">← {t("events.detail.back")}</Link>
      </p>
      <p className="event-tags">
        <span className="tag">{t(kindKey(e.kind))}</span>
        {e.status !== "published" && <span className={`status status-${e.status}`}>{t(statusKey(e.status))}</span>}
        {e.series && <span className="status">{t("events.series.label")}</span>}
      </p>
      <h1>{e.title}</h1>
      {e.status === "draft" && <div className="alert alert-info">{t("events.detail.draftNotice")}</div>}
      {e.status === "cancelled" && (
        <div className="alert alert-error" role="note">
          {t("events.detail.cancelledNotice", { reason: e.cancelReason ?? "" })}
        </div>
      )}
      {data.canManage && (
        <p className="staff-links">
          <Link className="button button-secondary" to={`/events/${e.id}/edit`}>
            {t("events.detail.manage")}
          </Link>{" "}
          <Link className="button button-secondary" to={`/events/${e.id}/attendees`}>
            {t("events.detail.attendees")}
          </Link>
        </p>
      )}

      {cover && (
        <figure className="cover">
          <img
            src={cover.src}
            srcSet={cover.srcSet}
            sizes="(min-width: 60rem) 58rem, 100vw"
            alt={cover.alt}
            width={cover.width ?? undefined}
            height={cover.height ?? undefined}
          />
        </figure>
      )}

      <dl className="facts">
        <div>
          <dt>{t("events.detail.when")}</dt>
          <dd>
            <time dateTime={e.startsAt.toISOString()}>{formatRange(e.startsAt, e.endsAt, locale)}</time>
            {seriesText && (
              <>
                <br />
                <span className="muted">{seriesText}</span>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("events.detail.where")}</dt>
          <dd>
            {e.venueName}
            <br />
            {e.venueAddress}
            {(e.kelurahan || e.rw) && (
              <>
                <br />
                {[e.rw, e.kelurahan].filter(Boolean).join(", ")}
              </>
            )}
          </dd>
        </div>
        {e.topic && (
          <div>
            <dt>{t("events.detail.topic")}</dt>
            <dd>{e.topic}</dd>
          </div>
        )}
        {e.status === "published" && (
          <div>
            <dt>{t("events.detail.seats")}</dt>
            <dd>
              <SeatsLine capacity={e.capacity} seatsLeft={data.seatsLeft} />
              {data.waitlisted > 0 && (
                <>
                  <br />
                  {t("events.waitlistCount", { count: data.waitlisted })}
                </>
              )}
            </dd>
          </div>
        )}
      </dl>

      {e.descriptionHtml && <div className="prose" dangerouslySetInnerHTML={{ __html: e.descriptionHtml }} />}

      {e.status === "completed" && (
        <section aria-labelledby="summary" id="summary-section">
          <h2 id="summary">{t("events.detail.summary")}</h2>
          {e.attendanceCount !== null && (
            <p>
              <strong>{t("events.attendance", { count: e.attendanceCount })}</strong>
            </p>
          )}
          {e.summaryHtml && <div className="prose" dangerouslySetInnerHTML={{ __html: e.summaryHtml }} />}
          <h3>{t("events.detail.outcomes")}</h3>
          {data.outcomes.questions.length === 0 && data.outcomes.aspirations.length === 0 && data.polls.length === 0 && <p>{t("events.detail.noOutcomes")}</p>}
          {data.outcomes.questions.length > 0 && (
            <>
              <h4>{t("events.detail.questions")}</h4>
              <ul className="outcomes">
                {data.outcomes.questions.map((q) => (
                  <li key={q.id}>
                    {q.text}{" "}
                    <span className="muted">
                      ({t(q.status === "answered" ? "events.qa.status.answered" : "events.qa.status.approved")},{" "}
                      {t("events.detail.votes", { count: q.voteCount })})
                    </span>
                    {q.answerText && <p className="answer">{t("events.detail.answer", { answer: q.answerText })}</p>}
                  </li>
                ))}
              </ul>
            </>
          )}
          <PollSummary polls={data.polls} />
          {data.outcomes.aspirations.length > 0 && (
            <>
              <h4>{t("events.detail.aspirations")}</h4>
              <ul className="outcomes">
                {data.outcomes.aspirations.map((a) => (
                  <li key={a.code}>
                    <Link to={`/aspirations/${a.code}`}>{a.title}</Link> <span className="muted">({a.code})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {e.status !== "draft" && e.status !== "cancelled" && (!e.ended || data.mine) && (
        <section aria-labelledby="rsvp" id="rsvp-section" className="rsvp">
          <h2 id="rsvp">{t("events.rsvp.title")}</h2>
          <FormAlert state={rsvpState} />
          {data.mine ? (
            <>
              <p className="alert alert-info">
                {data.mine.checkedIn
                  ? t("events.rsvp.checkedIn")
                  : data.mine.status === "confirmed"
                    ? t("events.rsvp.youAreIn", { code: data.mine.code })
                    : t("events.rsvp.youWait", { code: data.mine.code, position: data.mine.position })}
              </p>
              <p>
                {t("events.rsvp.showCode")} <Link to={`/rsvp/${data.mine.code}`}>{t("events.rsvp.myCode")}</Link>
              </p>
              {!e.ended && !data.mine.checkedIn && <CancelRsvp page={`/events/${e.id}`} title={e.title} />}
            </>
          ) : !data.registrationOpen ? (
            <p>{t("events.registrationClosed")}</p>
          ) : data.signedIn ? (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="rsvp" />
              <button type="submit" disabled={busy}>
                {data.seatsLeft === 0 ? t("events.rsvp.submitWaitlist") : t("events.rsvp.submit")}
              </button>
            </Form>
          ) : (
            <>
              <h3>{t("events.rsvp.guestTitle")}</h3>
              <p>{t("events.rsvp.guestLead")}</p>
              <FormAlert state={guestState} />
              <Form method="post" className="stack" noValidate>
                <CsrfField />
                <input type="hidden" name="intent" value="guest" />
                <Field name="name" label={t("events.rsvp.guestName")} autoComplete="name" required state={guestState} />
                <Field
                  name="contact"
                  label={t("events.rsvp.guestContact")}
                  hint={t("events.rsvp.guestContactHint")}
                  autoComplete="tel"
                  inputMode="text"
                  required
                  state={guestState}
                />
                <button type="submit" disabled={busy}>
                  {data.seatsLeft === 0 ? t("events.rsvp.submitWaitlist") : t("events.rsvp.submit")}
                </button>
              </Form>
              <p>
                <Link to={`/login?redirectTo=${encodeURIComponent(`/events/${e.id}`)}`}>{t("events.rsvp.orLogin")}</Link>
              </p>
            </>
          )}
        </section>
      )}

      {e.status !== "draft" && (
        <section aria-labelledby="calendar">
          <h2 id="calendar">{t("events.detail.addToCalendar")}</h2>
          <ul className="action-links">
            <li>
              <a href={`/events/${e.id}/calendar.ics`} download>
                {t("events.detail.ics")}
              </a>
            </li>
            <li>
              <a href={data.googleUrl} rel="noopener">
                {t("events.detail.google")}
              </a>
            </li>
            <li>
              <a href={share} rel="noopener">
                {t("events.detail.share")}
              </a>
            </li>
          </ul>
        </section>
      )}

      <section aria-labelledby="directions">
        <h2 id="directions">{t("events.detail.directions")}</h2>
        <p>
          <a href={osm} rel="noopener">
            {t("events.detail.map")}
          </a>
        </p>
        <h3>{t("events.detail.accessibility")}</h3>
        {e.accessibility.length ? <AccessList items={e.accessibility} /> : <p>{t("events.detail.noAccessibility")}</p>}
      </section>

      {e.agenda.length > 0 && (
        <section aria-labelledby="agenda">
          <h2 id="agenda">{t("events.detail.agenda")}</h2>
          <ol>
            {e.agenda.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ol>
        </section>
      )}
      {e.officials.length > 0 && (
        <section aria-labelledby="officials">
          <h2 id="officials">{t("events.detail.officials")}</h2>
          <ul>
            {e.officials.map((o, i) => (
              <li key={i}>
                {o.name}
                {o.position && <span className="muted">, {o.position}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {e.stalls.length > 0 && (
        <section aria-labelledby="stalls">
          <h2 id="stalls">{t("events.detail.stalls")}</h2>
          <ul className="stalls">
            {e.stalls.map((s, i) => (
              <li key={i}>
                <strong>{s.name}</strong>
                {s.description && <>: {s.description}</>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {e.status !== "draft" && (
        <section aria-labelledby="take-part">
          <h2 id="take-part">{t("events.detail.more")}</h2>
          <ul className="cards take-part">
            <li className="card">
              <h3>
                <Link to={`/events/${e.id}/discussion`}>{t("events.detail.discussion")}</Link>
              </h3>
              <p>{t("events.detail.discussionText")}</p>
            </li>
            <li className="card">
              <h3>
                <Link to={`/events/${e.id}/qa`}>{t("events.detail.qa")}</Link>
              </h3>
              <p>{t("events.detail.qaText")}</p>
            </li>
            <li className="card">
              <h3>
                <Link to={`/aspirations/new?event=${e.id}`}>{t("events.detail.aspiration")}</Link>
              </h3>
              <p>{t("events.detail.aspirationText")}</p>
            </li>
          </ul>
        </section>
      )}

      {gallery.length > 0 && (
        <section aria-labelledby="photos">
          <h2 id="photos">{t("events.detail.photos")}</h2>
          <ul className="gallery">
            {gallery.map((img) => (
              <li key={img.id}>
                <a href={img.srcSet.split(", ").pop()?.split(" ")[0] ?? img.src}>
                  <img
                    src={img.src}
                    srcSet={img.srcSet}
                    sizes="(min-width: 40rem) 18rem, 100vw"
                    alt={img.alt}
                    loading="lazy"
                    width={img.width ?? undefined}
                    height={img.height ?? undefined}
                  />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
