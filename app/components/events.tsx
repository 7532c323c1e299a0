// Pieces shared by the event pages.
import { Form, Link, useRevalidator, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { CsrfField } from "~/components/forms";
import type { AckError, ClientToServerEvents, ServerToClientEvents } from "~/realtime/contract";
import { eventKindKey, type Accessibility } from "~/domain/events/events.schema";
import { formatDate, formatDateTime, formatTime, type Locale, type MessageKey } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export interface EventCardData {
  id: number;
  kind: string;
  status: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string;
  kelurahan: string | null;
  accessibility: Accessibility[];
  capacity: number | null;
  seatsLeft: number | null;
  registrationOpen: boolean;
  cancelReason: string | null;
  summary: string | null;
  attendanceCount: number | null;
  inSeries: boolean;
}

export const kindKey = eventKindKey;
export const statusKey = (status: string): MessageKey =>
  status === "draft"
    ? "events.status.draft"
    : status === "cancelled"
      ? "events.status.cancelled"
      : status === "completed"
        ? "events.status.completed"
        : "events.status.published";

/** "Sabtu, 5 Desember 2026, 09.00–11.00 WIB" (or two full dates when it spans days) */
export function formatRange(start: Date, end: Date, locale: Locale): string {
  if (formatDate(start, locale) === formatDate(end, locale)) {
    return `${formatDate(start, locale)}, ${formatTime(start, locale).replace(" WIB", "")}–${formatTime(end, locale)}`;
  }
  return `${formatDateTime(start, locale)} – ${formatDateTime(end, locale)}`;
}

/** Plain text from the start of a markdown summary, for cards. */
export function excerpt(markdown: string, max = 180): string {
  const plain = markdown
    .replace(/[*_`>#[\]()]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

export function AccessList({ items }: { items: Accessibility[] }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <ul className="access-list">
      {items.map((a) => (
        <li key={a}>{t(`events.access.${a}` as MessageKey)}</li>
      ))}
    </ul>
  );
}

export function SeatsLine({ capacity, seatsLeft }: { capacity: number | null; seatsLeft: number | null }) {
  const t = useT();
  if (capacity === null || seatsLeft === null) return <>{t("events.noLimit")}</>;
  return <>{seatsLeft > 0 ? t("events.seatsLeft", { count: seatsLeft, capacity }) : t("events.full")}</>;
}

export function EventCard({ event, past = false }: { event: EventCardData; past?: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className="card event-card">
      <p className="event-tags">
        <span className="tag">{t(kindKey(event.kind))}</span>
        {event.status !== "published" && <span className={`status status-${event.status}`}>{t(statusKey(event.status))}</span>}
        {event.inSeries && <span className="status">{t("events.series.label")}</span>}
      </p>
      <h3>
        <Link to={`/events/${event.id}`}>{event.title}</Link>
      </h3>
      <p>
        <time dateTime={event.startsAt.toISOString()}>{formatRange(event.startsAt, event.endsAt, locale)}</time>
        <br />
        {event.kelurahan ? t("event.at", { venue: event.venueName, kelurahan: event.kelurahan }) : event.venueName}
      </p>
      {event.status === "cancelled" && event.cancelReason && (
        <p className="cancel-note">{t("events.detail.cancelledNotice", { reason: event.cancelReason })}</p>
      )}
      {!past && event.status === "published" && (
        <p className="muted">
          <SeatsLine capacity={event.capacity} seatsLeft={event.seatsLeft} />
        </p>
      )}
      {past && event.summary && (
        <>
          {event.attendanceCount !== null && <p className="muted">{t("events.attendance", { count: event.attendanceCount })}</p>}
          <p>{excerpt(event.summary)}</p>
          <p>
            <Link to={`/events/${event.id}#summary`}>
              {t("events.readSummary")}
              <span className="visually-hidden">: {event.title}</span>
            </Link>
          </p>
        </>
      )}
      <AccessList items={event.accessibility} />
    </li>
  );
}

/**
 * Live seats and check-ins (JavaScript only; without it the page is simply current
 * when loaded): follows the event's room and reloads the page's data on a change.
 * When the server refuses to let the socket follow (its typed AckError, e.g. a draft
 * after a sign-out), the page simply stays as loaded.
 */
export function useLiveEvent(eventId: number): void {
  const revalidator = useRevalidator();
  const ref = useRef(revalidator);
  ref.current = revalidator;
  useEffect(() => {
    let closed = false;
    let socket: import("socket.io-client").Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
    void import("socket.io-client").then(({ io }) => {
      if (closed) return;
      socket = io({ transports: ["websocket"] });
      socket.on("connect", () =>
        socket!.emit("event:join", { eventId }, (res) => {
          if (!("error" in res)) return;
          const refusal: AckError = res.error;
          // refused for good (not found, not allowed, bad payload): stop; a server error retries on the next reconnect
          if (refusal.code !== "server") socket?.disconnect();
        }),
      );
      socket.on("event:changed", (p) => {
        if (p.eventId === eventId && ref.current.state === "idle") ref.current.revalidate();
      });
    });
    return () => {
      closed = true;
      socket?.disconnect();
    };
  }, [eventId]);
}

/**
 * "Batalkan pendaftaran" asks first, also without JavaScript: the button is a link to the same
 * page with `?batal=1`, which shows the question with a form that cancels and a way back.
 * `children` sit beside the button (e.g. "Lihat kegiatan"), apart from it.
 */
export function CancelRsvp({ page, title, children }: { page: string; title: string; children?: ReactNode }) {
  const t = useT();
  const [params] = useSearchParams();
  if (params.get("batal") !== "1") {
    return (
      <div className="rsvp-actions">
        <Link className="button button-secondary" to={`${page}?batal=1#cancel-rsvp`} rel="nofollow">
          {t("events.rsvp.cancel")}
        </Link>
        {children}
      </div>
    );
  }
  return (
    <div className="confirm-box" id="cancel-rsvp" role="group" aria-labelledby="cancel-rsvp-title">
      <h3 id="cancel-rsvp-title">{t("events.rsvp.cancelAsk.title")}</h3>
      <p>{t("events.rsvp.cancelAsk.lead", { title })}</p>
      <Form method="post" action={page} className="rsvp-actions">
        <CsrfField />
        <input type="hidden" name="intent" value="cancel" />
        <button type="submit" className="button-danger">
          {t("events.rsvp.cancelAsk.yes")}
        </button>
        <Link to={page} className="button button-secondary">
          {t("events.rsvp.cancelAsk.no")}
        </Link>
      </Form>
      {children && <div className="rsvp-actions">{children}</div>}
    </div>
  );
}
