import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { isLocale, preloadMessagesFor } from "~/i18n";

// A page carries only the messages it was rendered with (app/i18n). Remix fetches a route's data
// with one `….data` request per navigation (or submission) and renders the page when it has
// arrived: that request answers only once the messages of the page it is for have loaded too
// (they load together), so no label of the next page is ever blank while its catalogue arrives.
function loadMessagesWithData(): void {
  const fetchNow = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    const lang = document.documentElement.lang;
    if (url.origin !== window.location.origin || !url.pathname.endsWith(".data") || !isLocale(lang)) return fetchNow(input, init);
    const page = url.pathname === "/_root.data" ? "/" : url.pathname.slice(0, -".data".length);
    const [response] = await Promise.all([fetchNow(input, init), preloadMessagesFor(page, lang)]);
    return response;
  };
}

function hydrate() {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
}

loadMessagesWithData();
// The messages the page was rendered with arrive in a script at the end of the document
// (app/i18n): hydrate once it has been read, not as soon as the cached modules are ready.
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", hydrate, { once: true });
else hydrate();
