// Builders for the events area: an event (a published dialogue two weeks ahead unless
// told otherwise), an RSVP (a guest's unless a user is given), and picture bytes of any
// size for the photo checks. See core.ts for the conventions.
import { deflateSync } from "node:zlib";
import type { Db } from "~/db/client.server";
import { newRsvpCode } from "~/domain/events/code";
import type { Accessibility, EventKind, EventStatus } from "~/domain/events/events.schema";
import { wibParts, wibToDate } from "~/domain/events/wib";
import { unique } from "./core";

const DAY = 86_400_000;

export interface EventOverrides {
  kind?: EventKind;
  status?: EventStatus;
  title?: string;
  description?: string;
  /** a title / description Balai writes itself: its message key and parameters (JSON) */
  titleKey?: string | null;
  titleParams?: string | null;
  descriptionKey?: string | null;
  descriptionParams?: string | null;
  topic?: string | null;
  startsAt?: Date;
  endsAt?: Date;
  venueName?: string;
  venueAddress?: string;
  kelurahanId?: number | null;
  rwId?: number | null;
  latitude?: number | null;
  longitude?: number | null;
  /** null: no limit (default 40 for a dialogue, no limit for a fair) */
  capacity?: number | null;
  registrationOpen?: boolean;
  accessibility?: Accessibility[];
  cancelReason?: string | null;
  summary?: string | null;
  attendanceCount?: number | null;
  sequence?: number;
  seriesId?: number | null;
  createdById?: number | null;
  agenda?: string[];
  officials?: { name: string; position?: string }[];
  stalls?: { name: string; description?: string }[];
}

/** 09:00 WIB, `days` from today (WIB). */
export function wibMorning(days: number, time = "09:00"): Date {
  return wibToDate(wibParts(new Date(Date.now() + days * DAY)).date, time)!;
}

/** An event with its agenda, officials and stalls; by default a published dialogue in two weeks, 09:00–11:00 WIB. */
export async function anEvent(db: Db, overrides: EventOverrides = {}) {
  const id = unique();
  const kind = overrides.kind ?? "dialogue";
  const startsAt = overrides.startsAt ?? wibMorning(14);
  const endsAt = overrides.endsAt ?? new Date(startsAt.getTime() + 2 * 3_600_000);
  const status = overrides.status ?? "published";
  return db.event.create({
    data: {
      kind,
      status,
      title: overrides.title ?? (kind === "fair" ? `Dursa Vaganza uji ${id}` : kind === "class" ? `Kelas digital uji ${id}` : `Ngopi Dursa uji ${id}`),
      description: overrides.description ?? "Obrolan warga dengan petugas kecamatan.",
      titleKey: overrides.titleKey ?? null,
      titleParams: overrides.titleParams ?? null,
      descriptionKey: overrides.descriptionKey ?? null,
      descriptionParams: overrides.descriptionParams ?? null,
      topic: overrides.topic === undefined ? (kind === "dialogue" ? "Layanan kecamatan" : null) : overrides.topic,
      startsAt,
      endsAt,
      venueName: overrides.venueName ?? `Aula uji ${id}`,
      venueAddress: overrides.venueAddress ?? "Jl. Raya Bekasi Timur No. 1, Duren Sawit, Jakarta Timur",
      kelurahanId: overrides.kelurahanId ?? null,
      rwId: overrides.rwId ?? null,
      latitude: overrides.latitude ?? null,
      longitude: overrides.longitude ?? null,
      capacity: overrides.capacity === undefined ? (kind === "fair" ? null : 40) : overrides.capacity,
      registrationOpen: overrides.registrationOpen ?? (status === "published" || status === "draft"),
      accessibility: JSON.stringify(overrides.accessibility ?? []),
      cancelReason: overrides.cancelReason ?? (status === "cancelled" ? "Dibatalkan untuk uji." : null),
      summary: overrides.summary ?? null,
      attendanceCount: overrides.attendanceCount ?? null,
      sequence: overrides.sequence ?? 0,
      seriesId: overrides.seriesId ?? null,
      seriesOriginalStart: overrides.seriesId ? startsAt : null,
      createdById: overrides.createdById ?? null,
      agendaPoints: { create: (overrides.agenda ?? []).map((text, i) => ({ position: i + 1, text })) },
      officials: { create: (overrides.officials ?? []).map((o) => ({ name: o.name, position: o.position ?? "" })) },
      stalls: { create: (overrides.stalls ?? []).map((s) => ({ name: s.name, description: s.description ?? "" })) },
    },
  });
}

export interface RsvpOverrides {
  /** a signed-in person's registration; without it, a guest's */
  userId?: number | null;
  guestName?: string;
  guestContact?: string;
  status?: "confirmed" | "waitlisted" | "cancelled";
  code?: string;
  walkIn?: boolean;
  checkedInAt?: Date | null;
  createdAt?: Date;
}

/** A unique Indonesian mobile number in its stored form (+62…). */
export function aPhoneNumber(): string {
  return `+62812${String(parseInt(unique(), 16) % 100_000_000).padStart(8, "0")}`;
}

/** A registration for `event`: a guest's (name and phone) unless `userId` is given; confirmed by default. */
export async function anRsvp(db: Db, event: { id: number }, overrides: RsvpOverrides = {}) {
  const guest = !overrides.userId;
  return db.rsvp.create({
    data: {
      eventId: event.id,
      userId: overrides.userId ?? null,
      guestName: guest ? (overrides.guestName ?? `Tamu Uji ${unique()}`) : null,
      guestContact: guest ? (overrides.guestContact ?? aPhoneNumber()) : null,
      code: overrides.code ?? newRsvpCode(),
      status: overrides.status ?? "confirmed",
      walkIn: overrides.walkIn ?? false,
      checkedInAt: overrides.checkedInAt ?? null,
      ...(overrides.createdAt && { createdAt: overrides.createdAt }),
    },
  });
}

/** A guest's registration (the same as `anRsvp` without a user). */
export function aGuestRsvp(db: Db, event: { id: number }, overrides: Omit<RsvpOverrides, "userId"> = {}) {
  return anRsvp(db, event, overrides);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid black PNG of any size, made without a picture library: one bit per pixel
 * and all-zero rows, so even 15000 × 15000 pixels are a file of a few dozen KB
 * (the kind of upload the pixel limit is there for).
 */
export function aPng(width = 64, height = 64): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((Math.ceil(width / 8) + 1) * height); // filter byte 0 + zero pixels per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(rows, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}
