import { describe, expect, it } from "vitest";
import { createWhatsApp } from "./providers.server";
import { DEFAULT_WA_TEMPLATES, parseTemplates, templateKindOf } from "./whatsapp-templates";

describe("WhatsApp templates per kind of message", () => {
  it("names the kind of every message that goes out as a template", () => {
    expect(templateKindOf("aspirations.notify.received")).toBe("receipt");
    expect(templateKindOf("aspirations.notify.status.verified")).toBe("status");
    expect(templateKindOf("events.notify.guestConfirmed")).toBe("rsvp");
    expect(["events.notify.guestWaitlisted", "events.notify.promoted", "events.notify.promotedGuest"].map(templateKindOf)).toEqual([
      "waitlist",
      "waitlist",
      "waitlist",
    ]);
    expect(["channels.notify.eventChanged", "events.notify.cancelled"].map(templateKindOf)).toEqual(["event", "event"]);
    expect(templateKindOf("agenda.notify.decided")).toBe("decision");
    expect(["channels.contact.message.code", "accounts.reset.message.code"].map(templateKindOf)).toEqual(["code", "code"]);
    expect(templateKindOf("discussions.notify.reply")).toBe("other");
  });

  it("overrides the default names per kind; WHATSAPP_TEMPLATE is the rest's", () => {
    expect(parseTemplates(undefined, "balai_notifikasi")).toEqual({ templates: DEFAULT_WA_TEMPLATES, problems: [] });
    expect(parseTemplates("receipt=resi_kami", "umum").templates).toMatchObject({ receipt: "resi_kami", other: "umum", status: DEFAULT_WA_TEMPLATES.status });
  });

  it("sends each kind with its template, and a code with its copy-code button", async () => {
    const bodies: { template: { name: string; components: { type: string; parameters: { text: string }[] }[] } }[] = [];
    const fetchStub = (async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify({ messages: [{ id: "wamid.1" }] }), { status: 200 });
    }) as unknown as typeof fetch;
    const wa = createWhatsApp(
      { apiUrl: "https://wa.test", token: "t", phoneNumberId: "1", templates: { ...DEFAULT_WA_TEMPLATES, status: "status_kami" } },
      fetchStub,
    );
    await wa.sendTemplate("+6281234567890", "en", "status", ["Aspiration ABCD-2345 is now Verified.", "https://b.test/a"], "k1");
    await wa.sendTemplate("+6281234567890", "id", "code", ["482913"], "k2");
    expect(bodies[0].template.name).toBe("status_kami");
    expect(bodies[0].template.components).toHaveLength(1);
    expect(bodies[1].template.name).toBe("balai_kode_verifikasi");
    expect(bodies[1].template.components.map((c) => [c.type, c.parameters[0].text])).toEqual([
      ["body", "482913"],
      ["button", "482913"],
    ]);
  });
});
