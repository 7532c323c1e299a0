// Pieces shared by the Q&A pages (participant, moderator, projector).
import type { QuestionView } from "~/domain/qa/views";
import type { AckError } from "~/realtime/contract";
import { formatTime } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export function QuestionMeta({ q, onScreen, next }: { q: QuestionView; onScreen?: boolean; next?: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <p className="qa-meta">
      <span>{q.displayName ?? t("qa.anonymous")}</span>
      <span> · {formatTime(new Date(q.createdAt), locale)}</span>
      {q.label && <span className="tag qa-tag"> {t("qa.q.label", { label: q.label })}</span>}
      {q.pinned && <span className="tag qa-tag"> {t("qa.q.pinned")}</span>}
      {q.status === "answered" && <span className="tag qa-tag qa-tag-answered"> {t("qa.q.answered")}</span>}
      {onScreen && <span className="tag qa-tag"> {t("qa.q.onScreen")}</span>}
      {next && <span className="tag qa-tag"> {t("qa.q.next")}</span>}
    </p>
  );
}

export function AnswerText({ q }: { q: QuestionView }) {
  const t = useT();
  if (!q.answerText) return null;
  return (
    <div className="qa-answer">
      <p className="qa-answer-label">{t("qa.q.reply")}</p>
      <p>{q.answerText}</p>
    </div>
  );
}

/** Tracking codes of aspirations made from a question: moderators and the asker see them. */
export function AspirationCodes({ q }: { q: QuestionView }) {
  const t = useT();
  if (!q.aspirationCodes?.length) return null;
  return (
    <p className="qa-aspirations">
      {t("qa.q.aspirations", { codes: "" })}
      {q.aspirationCodes.map((code, i) => (
        <span key={code}>
          {i > 0 && ", "}
          <a href={`/aspirations/track?code=${encodeURIComponent(code)}`} aria-label={t("qa.q.aspirationLink", { code })}>
            {code}
          </a>
        </span>
      ))}
    </p>
  );
}

/** The join QR code (server-rendered SVG, no client code) with its text alternative. */
export function JoinQr({ svg, url, className = "qa-qr" }: { svg: string; url: string; className?: string }) {
  const t = useT();
  // the SVG comes from our own QR generator (qrSvg), not from user input
  return <div className={className} role="img" aria-label={t("qa.qrLabel", { url })} dangerouslySetInnerHTML={{ __html: svg }} />;
}

/** Why the live connection was refused (the server's message); the page's plain forms still work. */
export function LiveRefusal({ error }: { error: AckError | null }) {
  const t = useT();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      {t(error.messageKey, error.params)}
    </div>
  );
}
