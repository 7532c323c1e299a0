// The notice-board display for a TV in the waiting room: full screen, large type.
// It cycles through the unit's services (cost, time, what to bring), its
// announcements and its Maklumat Pelayanan, next to the numbers called.
// Without JavaScript a <meta http-equiv="refresh"> (inside <noscript>) moves to the
// next item and reloads the figures every 15 s. With JavaScript the page rotates by
// itself and fetches display.json every 20 s; when the network drops it keeps
// showing the last content and says so, and catches up when it comes back.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { chime, useLiveQueue } from "~/components/queue";
import { costText, durationText } from "~/components/services";
import type { DisplayFeed } from "~/domain/services/services.server";
import { displayFeed } from "~/domain/services/services.server";
import { formatDate, formatTime, type Translate } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/services.css";
import { defineLoader, idParam } from "~/utils/boundary.server";
import { qrSvg } from "~/utils/qr.server";
import { siteOrigin } from "~/utils/services.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) => [
  { title: `${metaT(matches)("services.display.title", { unit: d?.feed.unit.name ?? "" })} · Balai` },
  { name: "robots", content: "noindex" },
];

/** seconds per item with JavaScript; without it the page reloads on the next item */
const ROTATE_MS = 10_000;
const POLL_MS = 20_000;
const NOSCRIPT_REFRESH_S = 15;

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const id = idParam(params, "id", "services.unit.notFound");
  const feed = await displayFeed(context.db, id);
  const slide = Math.max(0, Math.min(1000, Number(new URL(request.url).searchParams.get("slide")) || 0));
  const unitUrl = `${siteOrigin(request, context.config.publicUrl)}/layanan/unit/${id}`;
  return data({ feed, slide, unitUrl, qr: await qrSvg(unitUrl) }, { headers: { "Cache-Control": "no-store" } });
});

type Slide =
  | { kind: "service"; s: DisplayFeed["services"][number] }
  | { kind: "announcement"; a: DisplayFeed["announcements"][number] }
  | { kind: "maklumat"; m: NonNullable<DisplayFeed["maklumat"]> };

/** The order of the display: services, then announcements, then the Maklumat. */
function slidesOf(feed: DisplayFeed): Slide[] {
  return [
    ...feed.services.map((s) => ({ kind: "service" as const, s })),
    ...feed.announcements.map((a) => ({ kind: "announcement" as const, a })),
    ...(feed.maklumat ? [{ kind: "maklumat" as const, m: feed.maklumat }] : []),
  ];
}

function SlideView({ slide, t, locale, current }: { slide: Slide; t: Translate; locale: "id" | "en"; current: boolean }) {
  const shown = { hidden: !current, "data-testid": current ? "display-slide" : undefined };
  if (slide.kind === "service") {
    const s = slide.s;
    return (
      <div className="svc-display-slide" {...shown} data-kind="service" data-slug={s.slug}>
        <h2 className="svc-display-name">{s.name}</h2>
        <div className="svc-display-facts">
          <p>
            <span className="svc-display-label">{t("services.cost")}</span>
            <span className="svc-display-value" data-testid={current ? "display-cost" : undefined}>
              {costText(t, s.costAmount)}
            </span>
          </p>
          <p>
            <span className="svc-display-label">{t("services.time")}</span>
            <span className="svc-display-value">{durationText(t, { value: s.durationValue, unit: s.durationUnit })}</span>
          </p>
        </div>
        <p className="svc-display-label">{t("services.bring")}</p>
        <ul className="svc-display-reqs">
          {s.requirements.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (slide.kind === "announcement") {
    return (
      <div className="svc-display-slide" {...shown} data-kind="announcement">
        <p className="svc-display-label">{t("services.unit.announcements")}</p>
        <h2 className="svc-display-name">{slide.a.title}</h2>
        {slide.a.body && <p className="svc-display-body">{slide.a.body}</p>}
      </div>
    );
  }
  return (
    <div className="svc-display-slide" {...shown} data-kind="maklumat">
      <h2 className="svc-display-label">{t("services.maklumat")}</h2>
      <p className="svc-display-maklumat">{slide.m.text}</p>
      <p className="svc-display-body">
        {slide.m.signerTitle}, <strong>{slide.m.signerName}</strong> · {formatDate(new Date(slide.m.signedOn), locale)}
      </p>
    </div>
  );
}

export default function ServiceDisplay() {
  const t = useT();
  const locale = useLocale();
  const loaded = useLoaderData<typeof loader>();
  const [feed, setFeed] = useState<DisplayFeed>(loaded.feed);
  const [offline, setOffline] = useState(false);
  const [index, setIndex] = useState(loaded.slide);
  const slides = slidesOf(feed);
  const unitId = feed.unit.id;

  useEffect(() => setFeed(loaded.feed), [loaded.feed]);
  useEffect(() => {
    const timer = setInterval(() => setIndex((i) => i + 1), ROTATE_MS);
    return () => clearInterval(timer);
  }, []);
  // Queue: a number called or recalled arrives over Socket.IO (stored before it is sent)
  // and goes on top of the calls at once, with a chime where the browser allows sound;
  // the loader's data follows (and is fetched again after a reconnect).
  useLiveQueue(unitId, (change) => {
    const call = change.call;
    if (!call) return;
    setFeed((f) => ({ ...f, calls: [call, ...f.calls.filter((c) => c.number !== call.number)].slice(0, 4) }));
    chime();
  });
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const res = await fetch(`/layanan/unit/${unitId}/display.json`, { cache: "no-store", headers: { Accept: "application/json" } });
        if (!res.ok) throw new Error(String(res.status));
        const next = (await res.json()) as DisplayFeed;
        if (!stopped) {
          setFeed(next);
          setOffline(false);
        }
      } catch {
        if (!stopped) setOffline(true); // keep the last content on screen
      }
    };
    const wentOffline = () => setOffline(true);
    const timer = setInterval(poll, POLL_MS);
    window.addEventListener("online", poll);
    window.addEventListener("offline", wentOffline);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener("online", poll);
      window.removeEventListener("offline", wentOffline);
    };
  }, [unitId]);

  const next = slides.length ? (index + 1) % slides.length : 0;
  return (
    <div className="svc-display">
      <noscript>
        <meta httpEquiv="refresh" content={`${NOSCRIPT_REFRESH_S};url=/layanan/unit/${unitId}/display?slide=${next}`} />
      </noscript>
      <header className="svc-display-head">
        <h1>{feed.unit.name}</h1>
        <p>{feed.unit.openingHours}</p>
      </header>
      <section
        className="svc-display-main"
        aria-label={slides.length ? t("services.display.slide", { index: (index % slides.length) + 1, count: slides.length }) : feed.unit.name}
      >
        {/* every item is in the page, the current one shown: its words travel with the page, so
            nothing is missing when the network drops */}
        {slides.map((slide, i) => (
          <SlideView key={i} slide={slide} t={t} locale={locale} current={slides.length > 0 && i === index % slides.length} />
        ))}
      </section>
      <aside className="svc-display-side" aria-labelledby="display-calls">
        <h2 id="display-calls" className="svc-display-label">
          {t("services.display.calls")}
        </h2>
        {feed.calls.length === 0 ? (
          <p className="svc-display-body">{t("services.display.noCalls")}</p>
        ) : (
          <ol className="svc-display-calls" data-testid="display-calls">
            {feed.calls.map((c, i) => (
              <li key={`${c.number}-${c.calledAt}`} className={i === 0 ? "svc-display-call-latest" : undefined}>
                <span className="svc-display-number">{String(c.number).padStart(3, "0")}</span>
                {c.counter && <span>{t("services.display.counter", { counter: c.counter })}</span>}
              </li>
            ))}
          </ol>
        )}
        {/* the SVG comes from our own QR generator (qrSvg), not from user input */}
        <div
          className="svc-display-qr"
          role="img"
          aria-label={t("services.printGuide.qrAlt", { url: loaded.unitUrl })}
          dangerouslySetInnerHTML={{ __html: loaded.qr }}
        />
        <p className="svc-display-body">{t("services.display.scan")}</p>
        <p className="svc-display-status" role="status">
          {/* both sentences are rendered, so the offline one is there when the network is not */}
          <span hidden={!offline}>{t("services.display.offline")}</span>
          <span hidden={offline}>{t("services.display.updated", { time: formatTime(new Date(feed.generatedAt), locale) })}</span>
        </p>
      </aside>
    </div>
  );
}
