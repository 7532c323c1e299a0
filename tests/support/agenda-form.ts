// The new-deliberation form (/agenda/new) as a planner fills it in, for the integration
// tests: this year's deliberation of one area, intake until today, the session in 20 days.
import { wibYear } from "../../prisma/builders";

const WIB_OFFSET_MS = 7 * 3_600_000;

/** The date `days` from today in Jakarta (WIB), as a date input sends it. */
export const wibDay = (days: number) => new Date(Date.now() + WIB_OFFSET_MS + days * 86_400_000).toISOString().slice(0, 10);

export const deliberationFields = (areaId: number, extra: Record<string, string> = {}) => ({
  year: String(wibYear()),
  areaId: String(areaId),
  intakeStart: wibDay(-60),
  intakeEnd: wibDay(0),
  reviewStart: wibDay(-1),
  reviewEnd: wibDay(10),
  votesPerResident: "5",
  weightSupports: "1",
  weightVotes: "2",
  weightUrgency: "3",
  weightReach: "4",
  sessionDate: wibDay(20),
  sessionStart: "09:00",
  sessionEnd: "12:00",
  venueName: "Aula Kelurahan Uji",
  venueAddress: "Jl. Bekasi Timur Raya, Klender",
  ...extra,
});
