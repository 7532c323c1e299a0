import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

// Classic XSS payloads: none may survive as live markup.
const payloads = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "[klik](javascript:alert(1))",
  "[klik](JaVaScRiPt:alert(1))",
  "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  '<a href="javascript:alert(1)">x</a>',
  "<svg onload=alert(1)>",
  '<iframe src="https://evil.example"></iframe>',
  '![x](https://evil.example/x.png" onerror="alert(1))',
  "<details open ontoggle=alert(1)>",
  "<style>body{display:none}</style>",
  '[x](https://ok.example "title" onmouseover=alert(1))',
  "<a href=x onclick=alert(1)>x</a>",
  "`<script>`",
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  "<form action=https://evil.example><button>x</button></form>",
  // scheme tricks: entities, control characters, spaces, other schemes, reference links, autolinks
  '<a href="&#106;avascript:alert(1)">x</a>',
  "[x](&#x6A;avascript:alert(1))",
  "[x](java\u0000script:alert(1))",
  "[x](java\tscript:alert(1))",
  "[x]( javascript:alert(1))",
  "[x](vbscript:msgbox(1))",
  "[x][1]\n\n[1]: javascript:alert(1)",
  "<javascript:alert(1)>",
  "[x](//evil.example/steal)",
  '"><svg/onload=alert(1)>',
  "<scr<script>ipt>alert(1)</script>",
  "**<img src=x onerror=alert(1)>**",
  '> <iframe srcdoc="<script>alert(1)</script>">',
];

const ALLOWED_TAGS = new Set(["p", "br", "strong", "em", "del", "a", "ul", "ol", "li", "blockquote", "code", "pre"]);

/** The real tags in the output (escaped text like &lt;img&gt; is not a tag). */
function tags(html: string) {
  return [...html.matchAll(/<\/?([a-zA-Z][\w:-]*)([^>]*)>/g)].map((m) => ({ name: m[1].toLowerCase(), attrs: m[2] }));
}

describe("markdown sanitizer", () => {
  it.each(payloads)("renders %s inert", (payload) => {
    for (const tag of tags(renderMarkdown(payload))) {
      expect(ALLOWED_TAGS.has(tag.name), tag.name).toBe(true);
      const attrs = [...tag.attrs.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)];
      for (const [, name, value] of attrs) {
        expect(["href", "rel"], name).toContain(name);
        if (name === "href") expect(value).toMatch(/^(https?:|mailto:|tel:|#)/i);
      }
      // nothing outside quoted attribute values (no bare on…= handlers)
      expect(tag.attrs.replace(/([\w:-]+)\s*=\s*"[^"]*"/g, "").trim()).toBe("");
    }
  });

  it("keeps the safe subset", () => {
    const html = renderMarkdown("**tebal** dan _miring_\n\n- satu\n- dua\n\n> kutipan\n\n[Balai](https://balai.example/x)");
    expect(html).toContain("<strong>tebal</strong>");
    expect(html).toContain("<em>miring</em>");
    expect(html).toContain("<li>satu</li>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain('<a href="https://balai.example/x" rel="nofollow ugc noopener">Balai</a>');
  });

  it("shows raw HTML as text", () => {
    expect(renderMarkdown("<b>hai</b>")).toContain("&lt;b&gt;hai&lt;/b&gt;");
  });
});
