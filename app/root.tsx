import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import stylesHref from "~/styles/app.css";
import { CsrfField } from "~/components/forms";
import { ErrorPage } from "~/components/ErrorPage";
import { can } from "~/domain/accounts/roles";
import { loadMessagesWithData, translator, type Locale } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import { countUnread } from "~/domain/notifications/notifications.server";
import { getUser } from "~/utils/auth.server";
import { defineLoader } from "~/utils/boundary.server";
import { readFlash } from "~/utils/flash.server";
import { displayClasses, getDisplay } from "~/utils/display.server";
import { getLocale } from "~/utils/locale.server";
import { useNonce } from "~/utils/nonce";

const FAVICON =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5c4a"/><path d="M6 14 16 6l10 8v2H6z M8 17h3v8H8z M14.5 17h3v8h-3z M21 17h3v8h-3z M6 26h20v2H6z" fill="#fff"/></svg>',
  );

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  // inline: one request less on every page (the same picture as public/favicon.svg)
  { rel: "icon", href: FAVICON, type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Balai" }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const locale = getLocale(request);
  const user = await getUser(request, context);
  const { flash, clear } = await readFlash(request, context);
  const unread = user ? await countUnread(context.db, user.id) : 0;
  const display = getDisplay(request);
  return data(
    {
      locale,
      display: { ...display, className: displayClasses(display) },
      csrfToken: context.csrfToken,
      user: user ? { id: user.id, name: user.name, role: user.role, unread } : null,
      flash,
    },
    { headers: clear ? { "Set-Cookie": clear } : undefined },
  );
});

export type RootData = ReturnType<typeof useLoaderData<typeof loader>>;

function LanguageSwitch({ locale }: { locale: Locale }) {
  const t = translator(locale);
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.set("lang", locale === "id" ? "en" : "id");
  return (
    <a className="lang-switch" href={`${location.pathname}?${params}`} lang={locale === "id" ? "en" : "id"} aria-label={t("nav.switchToLabel")}>
      {t("nav.switchTo")}
    </a>
  );
}

/** Larger text and high contrast: plain links (no JavaScript, no account), kept in a cookie. */
function DisplaySettings() {
  const root = useRouteLoaderData<typeof loader>("root");
  const t = useT();
  const location = useLocation();
  const back = encodeURIComponent(location.pathname + location.search);
  const large = root?.display.largeText ?? false;
  const contrast = root?.display.highContrast ?? false;
  return (
    <nav aria-label={t("display.label")} className="display-settings container">
      <a href={`/settings/display?text=${large ? "normal" : "large"}&back=${back}`} className="display-text" rel="nofollow">
        {t(large ? "display.normalText" : "display.largeText")}
      </a>
      <a href={`/settings/display?contrast=${contrast ? "normal" : "high"}&back=${back}`} className="display-contrast" rel="nofollow">
        {t(contrast ? "display.normalContrast" : "display.highContrast")}
      </a>
    </nav>
  );
}

function Header() {
  const root = useRouteLoaderData<typeof loader>("root");
  const t = useT();
  const locale = useLocale();
  const user = root?.user;
  return (
    <header className="site-header">
      <DisplaySettings />
      <div className="container header-row">
        <Link to="/" className="brand">
          <span className="brand-name">{t("app.name")}</span>
          <span className="brand-tagline">{t("app.tagline")}</span>
        </Link>
        <nav aria-label={t("nav.main")} className="main-nav">
          <ul>
            <li>
              <Link to="/">{t("nav.home")}</Link>
            </li>
            <li>
              <Link to="/events">{t("nav.events")}</Link>
            </li>
            <li>
              <Link to="/qa">{t("qa.nav")}</Link>
            </li>
            <li>
              <Link to="/discussions">{t("nav.discussions")}</Link>
            </li>
            <li>
              <Link to="/aspirations">{t("aspirations.nav")}</Link>
            </li>
            {user && can.manageAspirations(user) && (
              <li>
                <Link to="/aspirations/staff">{t("nav.aspirationsDesk")}</Link>
              </li>
            )}
            <li>
              <Link to="/agenda">{t("agenda.nav")}</Link>
            </li>
            {user && can.manageUsers(user) && (
              <li>
                <Link to="/admin/users">{t("nav.admin")}</Link>
              </li>
            )}
            {user ? (
              <>
                <li>
                  <Link to="/notifications">{user.unread > 0 ? t("nav.notificationsUnread", { count: user.unread }) : t("nav.notifications")}</Link>
                </li>
                <li>
                  <Link to="/account">{t("nav.account")}</Link>
                </li>
                <li>
                  <Form method="post" action="/logout">
                    <CsrfField />
                    <button type="submit" className="link-button">
                      {t("nav.logout")}
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link to="/login">{t("nav.login")}</Link>
                </li>
                <li>
                  <Link to="/signup">{t("nav.signup")}</Link>
                </li>
              </>
            )}
            <li>
              <LanguageSwitch locale={locale} />
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

function Footer() {
  const t = useT();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("footer.office")}</p>
        <p>{t("footer.timezone")}</p>
      </div>
    </footer>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const locale = useLocale();
  const t = translator(locale);
  const display = useRouteLoaderData<typeof loader>("root")?.display;
  // the next page renders only with its messages (they load with its data): see app/i18n
  useEffect(() => loadMessagesWithData(), []);
  return (
    <html lang={locale} className={display?.className}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("nav.skip")}
        </a>
        <Header />
        <main id="main" tabIndex={-1} className="container">
          {children}
        </main>
        <Footer />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function FlashMessage() {
  const root = useRouteLoaderData<typeof loader>("root");
  const t = useT();
  if (!root?.flash) return null;
  return (
    <div className="alert alert-info" role="status">
      {t(root.flash.key, root.flash.params)}
    </div>
  );
}

export default function App() {
  return (
    <>
      <FlashMessage />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
