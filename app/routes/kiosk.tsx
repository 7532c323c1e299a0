// The feedback kiosk on a tablet at the counter. Staff enrol the tablet from the unit's
// survey desk (a revocable device token in a cookie; the staff session ends there).
// Four large faces mapped to the official 1-4 scale, then an optional "why" with chips
// for the elements, then thanks and a short cooldown; it resets itself when left idle.
// Large type, high contrast, icons and an optional spoken prompt.
// With JavaScript: every answer is kept on the device (localStorage) with its own
// idempotency key until the server acknowledged it (POST /kiosk/sync), so a network
// drop loses nothing and a resend counts nothing twice. Without JavaScript: each step
// is a plain form post and the thanks page returns by itself.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { z } from "zod";
import { CsrfField } from "~/components/forms";
import { KioskFace } from "~/components/satisfaction/KioskFace";
import { getElements, getUnit } from "~/domain/satisfaction/figures.server";
import { ELEMENT_KEYS, type ElementKey } from "~/domain/satisfaction/ikm";
import { addKioskReasons, deviceByToken, newAnswerKey, recordKioskAnswers } from "~/domain/satisfaction/responses.server";
import { DomainError } from "~/domain/errors";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/satisfaction.css";
import { defineAction, defineLoader } from "~/utils/boundary.server";
import { kioskToken } from "~/utils/satisfaction.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("satisfaction.kiosk.title")} · Balai` }, { name: "robots", content: "noindex" }];

/** how long the thanks stay (and faces are locked) after an answer */
const COOLDOWN_MS = 4000;
/** the "why" step gives up and sends the answer as it is */
const IDLE_MS = 20_000;
const QUEUE_KEY = "balai.kiosk.queue";
const RETRY_MS = 5000;

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const device = await deviceByToken(context.db, await kioskToken(request, context));
  const url = new URL(request.url);
  if (!device) return data({ enrolled: false as const }, { headers: { "Cache-Control": "no-store" } });
  const [unit, elements] = await Promise.all([getUnit(context.db, device.unitId), getElements(context.db)]);
  const step = url.searchParams.get("step");
  return data(
    {
      enrolled: true as const,
      unit: unit?.name ?? "",
      elements: elements.map((e) => ({ key: e.key, name: e.name })),
      step: step === "why" || step === "thanks" ? step : null,
      key: url.searchParams.get("key") ?? "",
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});

const answerSchema = z.object({ score: z.coerce.number().int().min(1).max(4) });
const whySchema = z.object({
  key: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  elements: z.union([z.enum(ELEMENT_KEYS), z.array(z.enum(ELEMENT_KEYS))]).optional(),
});

// JavaScript off: each step is a form post
export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const device = await deviceByToken(context.db, await kioskToken(request, context));
  if (!device) throw new DomainError("satisfaction.kiosk.revoked", undefined, undefined, 403);
  const limitsCtx = { limits: context.surveyLimits, ip: context.clientIp, mailer: context.mailer, publicUrl: context.config.publicUrl };
  switch (form.get("intent")) {
    case "answer": {
      const { score } = form.parse(answerSchema);
      const key = newAnswerKey();
      await recordKioskAnswers(context.db, limitsCtx, device, [{ key, score, elements: [] }]);
      return redirect(`/kiosk?step=why&key=${key}`);
    }
    case "why": {
      const input = form.parse(whySchema);
      const elements = input.elements === undefined ? [] : Array.isArray(input.elements) ? input.elements : [input.elements];
      if (elements.length) await addKioskReasons(context.db, device, input.key, elements);
      return redirect("/kiosk?step=thanks");
    }
    default:
      throw new DomainError("error.badRequest");
  }
});

interface Queued {
  key: string;
  score: number;
  elements: ElementKey[];
  answeredAt: string;
}

function readQueue(): Queued[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(QUEUE_KEY) ?? "[]");
    return Array.isArray(value) ? (value as Queued[]) : [];
  } catch {
    return [];
  }
}

function writeQueue(queue: Queued[]) {
  window.localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
}

function newKey(): string {
  const bytes = new Uint8Array(12);
  window.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

type Step = "faces" | "why" | "thanks";

function KioskLive({ unit, elements, csrf }: { unit: string; elements: { key: ElementKey; name: { id: string; en: string } }[]; csrf: string }) {
  const t = useT();
  const locale = useLocale();
  const [step, setStep] = useState<Step>("faces");
  const [score, setScore] = useState<number | null>(null);
  const [chosen, setChosen] = useState<ElementKey[]>([]);
  const [pending, setPending] = useState(0);
  const [offline, setOffline] = useState(false);
  const [revoked, setRevoked] = useState(false);
  const flushing = useRef(false);
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(async () => {
    if (flushing.current) return;
    const batch = readQueue().slice(0, 100);
    setPending(readQueue().length);
    if (batch.length === 0) return;
    flushing.current = true;
    try {
      const body = new FormData();
      body.set("csrf", csrf);
      body.set("answers", JSON.stringify(batch));
      const res = await fetch("/kiosk/sync", { method: "POST", body, credentials: "same-origin" });
      if (res.status === 403 || res.status === 401) setRevoked(true);
      if (!res.ok) throw new Error(`sync ${res.status}`);
      const done = (await res.json()) as { stored: string[]; duplicates: string[] };
      const acknowledged = new Set([...done.stored, ...done.duplicates]);
      writeQueue(readQueue().filter((a) => !acknowledged.has(a.key)));
      setOffline(false);
      setPending(readQueue().length);
      flushing.current = false;
      if (readQueue().length) void flush();
    } catch {
      flushing.current = false;
      setOffline(true);
      clearTimeout(retry.current);
      retry.current = setTimeout(() => void flush(), RETRY_MS);
    }
  }, [csrf]);

  useEffect(() => {
    void flush();
    const online = () => void flush();
    window.addEventListener("online", online);
    const timer = setInterval(() => void flush(), 15_000);
    return () => {
      window.removeEventListener("online", online);
      clearInterval(timer);
      clearTimeout(retry.current);
    };
  }, [flush]);

  const commit = useCallback(
    (elementsChosen: ElementKey[]) => {
      if (score === null) return;
      writeQueue([...readQueue(), { key: newKey(), score, elements: elementsChosen, answeredAt: new Date().toISOString() }]);
      setPending(readQueue().length);
      setStep("thanks");
      setScore(null);
      setChosen([]);
      void flush();
    },
    [score, flush],
  );

  // idle: the "why" step sends what it has; the thanks step returns to the faces after the cooldown
  useEffect(() => {
    if (step === "why") {
      const timer = setTimeout(() => commit(chosen), IDLE_MS);
      return () => clearTimeout(timer);
    }
    if (step === "thanks") {
      const timer = setTimeout(() => setStep("faces"), COOLDOWN_MS);
      return () => clearTimeout(timer);
    }
  }, [step, chosen, commit]);

  const speak = () => {
    if (!("speechSynthesis" in window)) return;
    const u = new SpeechSynthesisUtterance(
      `${t("satisfaction.kiosk.question")} ${[1, 2, 3, 4].map((n) => t(`satisfaction.kiosk.face.${n}` as "satisfaction.kiosk.face.1")).join(", ")}`,
    );
    u.lang = locale === "id" ? "id-ID" : "en-GB";
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(u);
  };

  const onFace = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const value = Number(submitter?.value);
    if (step !== "faces" || !(value >= 1 && value <= 4)) return;
    setScore(value);
    setStep("why");
  };

  const onWhy = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    commit(submitter?.value === "skip" ? [] : chosen);
  };

  return (
    <KioskFrame unit={unit} pending={pending} offline={offline} revoked={revoked}>
      {step === "faces" && (
        <form method="post" onSubmit={onFace} className="kiosk-step">
          <h1 className="kiosk-question">{t("satisfaction.kiosk.question")}</h1>
          <button type="button" className="kiosk-speak" onClick={speak}>
            <span aria-hidden="true">🔊</span> {t("satisfaction.kiosk.speak")}
          </button>
          <Faces />
        </form>
      )}
      {step === "why" && (
        <form method="post" onSubmit={onWhy} className="kiosk-step">
          <h1 className="kiosk-question">{t("satisfaction.kiosk.why")}</h1>
          <div className="kiosk-chips" role="group" aria-label={t("satisfaction.kiosk.why")}>
            {elements.map((e) => (
              <button
                key={e.key}
                type="button"
                className="kiosk-chip"
                aria-pressed={chosen.includes(e.key)}
                onClick={() => setChosen((c) => (c.includes(e.key) ? c.filter((k) => k !== e.key) : [...c, e.key]))}
              >
                {e.name[locale]}
              </button>
            ))}
          </div>
          <div className="kiosk-actions">
            <button type="submit" value="send" className="kiosk-send">
              {t("satisfaction.kiosk.send")}
            </button>
            <button type="submit" value="skip" className="kiosk-skip">
              {t("satisfaction.kiosk.skip")}
            </button>
          </div>
        </form>
      )}
      {step === "thanks" && <Thanks />}
    </KioskFrame>
  );
}

function Faces() {
  const t = useT();
  return (
    <div className="kiosk-faces">
      {[1, 2, 3, 4].map((n) => (
        <button key={n} type="submit" name="score" value={n} className={`kiosk-face face-${n}`}>
          <KioskFace score={n} />
          <span>{t(`satisfaction.kiosk.face.${n}` as "satisfaction.kiosk.face.1")}</span>
        </button>
      ))}
    </div>
  );
}

function Thanks() {
  const t = useT();
  return (
    <div className="kiosk-step kiosk-thanks" role="status">
      <p className="kiosk-question">{t("satisfaction.kiosk.thanks")}</p>
      <p>{t("satisfaction.kiosk.wait")}</p>
    </div>
  );
}

function KioskFrame({ unit, pending, offline, revoked, children }: { unit: string; pending: number; offline: boolean; revoked: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <div className="kiosk">
      <p className="kiosk-unit">{unit}</p>
      <div className="kiosk-main">{children}</div>
      <p className="kiosk-status" role="status">
        {revoked ? t("satisfaction.kiosk.revoked") : offline ? t("satisfaction.kiosk.offline") : ""}{" "}
        {pending > 0 && t("satisfaction.kiosk.pending", { count: pending })}
      </p>
    </div>
  );
}

export default function Kiosk() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const root = useRouteLoaderData("root") as { csrfToken?: string } | undefined;
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!d.enrolled) {
    return (
      <div className="kiosk">
        <div className="kiosk-main">
          <h1 className="kiosk-question">{t("satisfaction.kiosk.notEnrolled")}</h1>
          <p>{t("satisfaction.kiosk.notEnrolledHint")}</p>
        </div>
      </div>
    );
  }
  if (hydrated) return <KioskLive unit={d.unit} elements={d.elements} csrf={root?.csrfToken ?? ""} />;
  // without JavaScript (and before it runs): plain forms
  return (
    <KioskFrame unit={d.unit} pending={0} offline={false} revoked={false}>
      {d.step === "why" ? (
        <form method="post" className="kiosk-step">
          <CsrfField />
          <input type="hidden" name="intent" value="why" />
          <input type="hidden" name="key" value={d.key} />
          <h1 className="kiosk-question">{t("satisfaction.kiosk.why")}</h1>
          <div className="kiosk-chips">
            {d.elements.map((e) => (
              <label key={e.key} className="kiosk-chip">
                <input type="checkbox" name="elements" value={e.key} /> {e.name[locale]}
              </label>
            ))}
          </div>
          <div className="kiosk-actions">
            <button type="submit" className="kiosk-send">
              {t("satisfaction.kiosk.send")}
            </button>
          </div>
          <noscript>
            <meta httpEquiv="refresh" content={`${IDLE_MS / 1000};url=/kiosk`} />
          </noscript>
        </form>
      ) : d.step === "thanks" ? (
        <>
          <Thanks />
          <noscript>
            <meta httpEquiv="refresh" content={`${COOLDOWN_MS / 1000};url=/kiosk`} />
          </noscript>
        </>
      ) : (
        <form method="post" className="kiosk-step">
          <CsrfField />
          <input type="hidden" name="intent" value="answer" />
          <h1 className="kiosk-question">{t("satisfaction.kiosk.question")}</h1>
          <Faces />
        </form>
      )}
    </KioskFrame>
  );
}
