// npm run bench:outbox
// How many messages a minute one Balai instance delivers from its outbox. Starts local
// stand-ins (a real SMTP server, the WhatsApp Cloud API, an SMS gateway), builds the app,
// starts the real server (production mode, default outbox settings apart from the
// poll interval), writes N pending messages per channel due at the same instant, and
// times from that instant to the last one's `sentAt`. The last lines are the figures.
import { performance } from "node:perf_hooks";
import { openDatabase } from "~/db/client.server";
import buildApp from "../support/build";
import { startSmtp, startSms, startWhatsApp } from "../support/channels";
import { startServer } from "../support/server";

const N = Number(process.env.BENCH_MESSAGES ?? 2000);
const CHANNELS = ["email", "whatsapp", "sms"] as const;

async function main() {
  process.env.BALAI_BUILD_DIR ??= ".cache/build-bench-outbox";
  console.log("Building the app…");
  buildApp();
  const [smtp, wa, sms] = await Promise.all([startSmtp(), startWhatsApp(), startSms()]);
  const server = await startServer({
    env: {
      NODE_ENV: "production",
      BALAI_SEED: "0",
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: "Balai <balai@bench.test>",
      WHATSAPP_API_URL: wa.url,
      WHATSAPP_TOKEN: wa.token,
      WHATSAPP_PHONE_NUMBER_ID: wa.phoneNumberId,
      WHATSAPP_APP_SECRET: "bench-secret",
      WHATSAPP_VERIFY_TOKEN: "bench-verify",
      SMS_GATEWAY_URL: sms.url,
      SMS_GATEWAY_TOKEN: sms.token,
      OUTBOX_POLL_MS: "50",
      BALAI_BUILD_DIR: process.env.BALAI_BUILD_DIR,
    },
  });
  const database = await openDatabase(server.databaseUrl);
  const db = database.db;
  const results: { channel: string; messages: number; seconds: number; perMinute: number }[] = [];
  try {
    // recipients: people with an account (e-mail) and guests' phone numbers with consent
    const stamp = Date.now();
    await db.user.createMany({
      data: Array.from({ length: N }, (_, i) => ({ name: `Warga ${i}`, email: `bench.${stamp}.${i}@contoh.id`, passwordHash: "x" })),
    });
    const users = await db.user.findMany({ where: { email: { startsWith: `bench.${stamp}.` } }, select: { id: true } });
    await db.contactPoint.createMany({
      data: Array.from({ length: N }, (_, i) => ({
        kind: "phone",
        value: `+62811${String(i).padStart(8, "0")}`,
        consentPurpose: "bench",
        consentAt: new Date(),
      })),
    });
    const phones = await db.contactPoint.findMany({ where: { consentPurpose: "bench" }, select: { id: true } });

    for (const channel of CHANNELS) {
      const due = new Date(Date.now() + 3000);
      const refs = channel === "email" ? users.map((u) => `user:${u.id}`) : phones.map((p) => `contact:${p.id}`);
      for (let i = 0; i < refs.length; i += 500) {
        await db.outboxMessage.createMany({
          data: refs.slice(i, i + 500).map((recipientRef, j) => ({
            channel,
            recipientRef,
            templateKey: "aspirations.notify.status.verified",
            params: JSON.stringify({ code: "ABCD-2345", title: "Lampu jalan padam di gang RW 05", note: "Sudah dicek petugas" }),
            link: "/aspirations/ABCD-2345",
            locale: "id",
            idempotencyKey: `bench:${channel}:${stamp}:${i + j}`,
            nextAttemptAt: due,
          })),
        });
      }
      const t0 = performance.now();
      for (;;) {
        const left = await db.outboxMessage.count({
          where: { channel, status: { not: "sent" }, idempotencyKey: { startsWith: `bench:${channel}:${stamp}:` } },
        });
        if (left === 0) break;
        if (performance.now() - t0 > 600_000) throw new Error(`${channel}: ${left} messages still not sent after 10 minutes`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const last = await db.outboxMessage.aggregate({ where: { idempotencyKey: { startsWith: `bench:${channel}:${stamp}:` } }, _max: { sentAt: true } });
      const seconds = (last._max.sentAt!.getTime() - due.getTime()) / 1000;
      const failed = await db.outboxMessage.count({ where: { idempotencyKey: { startsWith: `bench:${channel}:${stamp}:` }, attempts: { gt: 1 } } });
      results.push({ channel, messages: refs.length, seconds, perMinute: Math.round((refs.length / seconds) * 60) });
      console.log(`${channel}: ${refs.length} messages in ${seconds.toFixed(1)} s (${failed} needed a retry)`);
    }
    const received = { email: smtp.mails.length, whatsapp: wa.sent.length, sms: sms.sent.length };
    console.log(`stand-ins received: ${JSON.stringify(received)}`);
    for (const channel of CHANNELS) if (received[channel] !== N) throw new Error(`${channel}: the stand-in received ${received[channel]} of ${N}`);
  } finally {
    await database.close();
    await server.stop();
    await Promise.all([smtp.close(), wa.close(), sms.close()]);
  }
  console.log("\nOutbox delivery, one instance (SQLite, default batch 20 and 8 at a time, stand-ins on the same machine):");
  console.log("| channel | messages | seconds | messages per minute |");
  console.log("|---|---|---|---|");
  for (const r of results) console.log(`| ${r.channel} | ${r.messages} | ${r.seconds.toFixed(1)} | ${r.perMinute.toLocaleString("en-US")} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
