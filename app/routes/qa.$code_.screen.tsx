// The projector: full screen, large type, high contrast. The question on screen
// now and the next one, the join code and QR. Follows changes by itself and
// recovers after a network drop (the socket reconnects and re-joins).
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { JoinQr, LiveRefusal } from "~/components/qa";
import { ScreenPoll } from "~/components/polls";
import { screenPoll } from "~/domain/qa/polls.server";
import { usePollLive } from "~/realtime/polls-client";
import pollsStyles from "~/styles/polls.css";
import { eventTitleIn } from "~/domain/events/events.server";
import { publicSession } from "~/domain/qa/broadcast.server";
import { requireSession, screenSnapshot } from "~/domain/qa/qa.server";
import { metaT, useT } from "~/i18n/react";
import { useQaLive } from "~/realtime/qa-client";
import qaStyles from "~/styles/qa.css";
import { defineLoader } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";
import { qrSvg } from "~/utils/qr.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: qaStyles },
  { rel: "stylesheet", href: pollsStyles },
];

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${metaT(matches)("qa.screen.title", { event: data?.title ?? "" })} · Balai` },
];

function siteOrigin(request: Request, publicUrl?: string): string {
  return publicUrl ? new URL(publicUrl).origin : new URL(request.url).origin;
}

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const session = await requireSession(context.db, params.code ?? "");
  const origin = siteOrigin(request, context.config.publicUrl);
  const joinUrl = `${origin}/qa/${session.code}`;
  const snapshot = await screenSnapshot(context.db, session);
  const poll = await screenPoll(context.db, session);
  // the event's title in the reader's language (the live snapshot carries the stored text)
  const title = await eventTitleIn(context.db, session.eventId, getLocale(request));
  return data(
    {
      title,
      snapshot: { ...snapshot, session: publicSession(session) },
      joinUrl,
      shortUrl: `${new URL(origin).host}/qa`,
      qr: await qrSvg(joinUrl),
      poll: poll && { ...poll, mine: null },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});

export default function QaScreen() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const live = useQaLive(data.snapshot.session.code, "screen", data.snapshot);
  const polls = usePollLive(live, data.snapshot.session.code, "screen", { current: data.poll });
  const { session, questions } = live.snapshot;
  const now = questions.find((q) => q.id === session.onScreenQuestionId);
  const next = questions.find((q) => q.id === session.nextQuestionId);
  return (
    <div className="qa-screen">
      {/* without JavaScript the projector reloads itself (with it, the socket keeps it current) */}
      <noscript>
        <meta httpEquiv="refresh" content="15" />
      </noscript>
      <div className="qa-screen-main">
        <p className="qa-screen-event">{data.title}</p>
        <ScreenPoll current={polls.current} joinText={t("qa.joinAt", { url: data.shortUrl, code: session.code })} />
        <section aria-labelledby="screen-now" className="qa-screen-now">
          <h1 id="screen-now" className="qa-screen-label">
            {t("qa.screen.now")}
          </h1>
          {now ? (
            <>
              <p className="qa-screen-question" data-testid="screen-now">
                {now.text}
              </p>
              <p className="qa-screen-meta">
                {now.displayName ?? t("qa.anonymous")} · {t("qa.votes", { count: now.voteCount })}
              </p>
            </>
          ) : (
            <p className="qa-screen-question" data-testid="screen-now">
              {t("qa.screen.empty")}
            </p>
          )}
        </section>
        <section aria-labelledby="screen-next" className="qa-screen-next">
          <h2 id="screen-next" className="qa-screen-label">
            {t("qa.screen.next")}
          </h2>
          <p data-testid="screen-next">{next ? next.text : "—"}</p>
        </section>
      </div>
      <aside className="qa-screen-join" aria-label={t("qa.join.title")}>
        <JoinQr svg={data.qr} url={data.joinUrl} className="qa-screen-qr" />
        <p className="qa-screen-code">{session.code}</p>
        <p>{t("qa.joinAt", { url: data.shortUrl, code: session.code })}</p>
        <p className="qa-screen-status" role="status">
          {live.offline ? t("qa.live.offline") : ""}
        </p>
        <LiveRefusal error={live.joinError} />
      </aside>
    </div>
  );
}
