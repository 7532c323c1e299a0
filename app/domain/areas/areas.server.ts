import type { Db } from "~/db/client.server";

export interface KelurahanOption {
  id: number;
  name: string;
  rws: { id: number; name: string }[];
}

/** Kelurahan with their RWs, for forms and filters. */
export async function listKelurahan(db: Db): Promise<KelurahanOption[]> {
  const rows = await db.area.findMany({
    where: { level: "kelurahan" },
    orderBy: { name: "asc" },
    select: { id: true, name: true, children: { where: { level: "rw" }, orderBy: { name: "asc" }, select: { id: true, name: true } } },
  });
  return rows.map((k) => ({ id: k.id, name: k.name, rws: k.children }));
}

/** Checks that the optional kelurahan and RW exist and belong together. */
export async function checkKelurahanRw(db: Db, kelurahanId?: number, rwId?: number): Promise<"ok" | "kelurahan" | "rw"> {
  if (kelurahanId) {
    const k = await db.area.findFirst({ where: { id: kelurahanId, level: "kelurahan" }, select: { id: true } });
    if (!k) return "kelurahan";
  }
  if (rwId) {
    if (!kelurahanId) return "rw";
    const rw = await db.area.findFirst({ where: { id: rwId, level: "rw", parentId: kelurahanId }, select: { id: true } });
    if (!rw) return "rw";
  }
  return "ok";
}
