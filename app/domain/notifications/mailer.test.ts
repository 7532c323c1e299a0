// Logs never hold contacts (issue 10, defect 7): neither the log-only mailer (no SMTP)
// nor the failure line of the SMTP mailer shows the recipient's address.
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer, recipientTag } from "./mailer.server";

const address = "rahasia.pelapor@contoh.id";
const mail = { to: address, subject: "Balai: Aspirasi ABCD-2345 diterima", text: "Aspirasi Anda diterima.\n\nhttps://balai.test/aspirations/ABCD-2345" };

describe("createMailer without SMTP (the log)", () => {
  it("logs the message with a recipient tag, never the address", async () => {
    const lines: string[] = [];
    await createMailer(undefined, (line) => lines.push(line)).send(mail);
    const log = lines.join("\n");
    expect(log).toContain("Aspirasi Anda diterima.");
    expect(log).toContain(`to=${recipientTag(address)}`);
    expect(log).not.toContain(address);
    expect(log).not.toContain("rahasia.pelapor");
  });

  it("hides an address the text itself carries", async () => {
    const lines: string[] = [];
    await createMailer(undefined, (line) => lines.push(line)).send({ ...mail, text: `Hubungi saya di ${address} ya` });
    expect(lines.join("\n")).not.toContain(address);
  });

  it("tags the same address the same way, whatever its case", () => {
    expect(recipientTag(" Rahasia.Pelapor@Contoh.ID ")).toBe(recipientTag(address));
    expect(recipientTag("lain@contoh.id")).not.toBe(recipientTag(address));
  });
});

describe("createMailer with SMTP, when the server refuses the recipient", () => {
  // a mail server that repeats the address in its refusal, as real ones do
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((socket) => {
      socket.write("220 uji.test ESMTP\r\n");
      let buffer = "";
      socket.on("data", (chunk) => {
        buffer += chunk.toString();
        let end: number;
        while ((end = buffer.indexOf("\r\n")) >= 0) {
          const line = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === "EHLO" || verb === "HELO") socket.write("250 uji.test\r\n");
          else if (verb === "MAIL") socket.write("250 OK\r\n");
          else if (verb === "RCPT") socket.write(`550 5.1.1 <${address}>: Recipient address rejected\r\n`);
          else if (verb === "QUIT") socket.end("221 bye\r\n");
          else socket.write("250 OK\r\n");
        }
      });
      socket.on("error", () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("logs the failure without the address, and does not throw", async () => {
    const lines: string[] = [];
    const mailer = createMailer({ host: "127.0.0.1", port, from: "balai@uji.test" }, (line) => lines.push(line));
    await mailer.send(mail);
    const log = lines.join("\n");
    expect(log).toContain("failed");
    expect(log).toContain(recipientTag(address));
    expect(log).not.toContain(address);
  });
});
