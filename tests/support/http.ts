// A tiny cookie-keeping HTTP client that speaks to the real server like a
// browser without JavaScript: GET pages, read the CSRF token, POST forms.
export class Client {
  cookies = new Map<string, string>();
  lastHtml = "";

  constructor(public readonly baseUrl: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(res: Response) {
    for (const header of res.headers.getSetCookie()) {
      const [pair, ...attrs] = header.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(this.baseUrl + path, { redirect: "manual", headers: { Cookie: this.cookieHeader(), ...headers } });
    this.remember(res);
    return res;
  }

  /** GET and return the HTML, following redirects like a browser. */
  async page(path: string): Promise<{ status: number; html: string; url: string }> {
    let current = path;
    for (let i = 0; i < 5; i++) {
      const res = await this.get(current);
      const location = res.headers.get("location");
      if (res.status >= 300 && res.status < 400 && location) {
        current = location.startsWith("http") ? new URL(location).pathname + new URL(location).search : location;
        continue;
      }
      this.lastHtml = await res.text();
      return { status: res.status, html: this.lastHtml, url: current };
    }
    throw new Error(`Too many redirects from ${path}`);
  }

  csrf(html = this.lastHtml): string {
    const m = html.match(/name="csrf" value="([^"]+)"/);
    if (!m) throw new Error("No CSRF token on the page");
    return m[1];
  }

  /** POST a form as a browser would (same-origin), with the CSRF token from `fromPage`. */
  async post(path: string, fields: Record<string, string>, options: { fromPage?: string; csrf?: string; origin?: string } = {}): Promise<Response> {
    let token = options.csrf;
    if (token === undefined) {
      const page = await this.page(options.fromPage ?? path);
      token = this.csrf(page.html);
    }
    const body = new URLSearchParams({ csrf: token, ...fields });
    const res = await fetch(this.baseUrl + path, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: this.cookieHeader(),
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: options.origin ?? this.baseUrl,
      },
      body,
    });
    this.remember(res);
    return res;
  }

  async login(identifier: string, password = "balai-demo"): Promise<Response> {
    const res = await this.post("/login", { identifier, password }, { fromPage: "/login" });
    if (res.status !== 302) throw new Error(`Login as ${identifier} failed with ${res.status}`);
    return res;
  }
}
