// The one way user-written markdown becomes HTML: a safe subset (paragraphs,
// emphasis, links, lists, quotes, code), sanitised on the server. Raw HTML in the
// source is escaped, not interpreted; links get rel="nofollow ugc noopener".
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({ gfm: true, breaks: true, async: false });
// Raw HTML typed by a user is shown as text.
marked.use({
  renderer: {
    html(token) {
      return escapeHtml(token.text);
    },
    image(token) {
      return escapeHtml(token.text || token.href || "");
    },
    heading(token) {
      return `<p><strong>${this.parser.parseInline(token.tokens)}</strong></p>\n`;
    },
  },
});

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const options: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "del", "a", "ul", "ol", "li", "blockquote", "code", "pre"],
  allowedAttributes: { a: ["href", "rel", "target"] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowProtocolRelative: false,
  disallowedTagsMode: "escape",
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { href: attribs.href ?? "#", rel: "nofollow ugc noopener" } }),
  },
};

/** Markdown source -> safe HTML for dangerouslySetInnerHTML. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source) as string;
  return sanitizeHtml(html, options);
}
