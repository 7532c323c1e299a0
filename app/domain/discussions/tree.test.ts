import { describe, expect, it } from "vitest";
import { ancestorIds, buildTree, childPath, compareBy, countNodes, pathSegment, reachesThreshold, subtreeRange, type TreeRow } from "./tree";

const at = (min: number) => new Date(Date.UTC(2025, 5, 14, 2, min));
function row(id: number, parentId: number | null, depth: number, min: number, supportCount = 0): TreeRow {
  return { id, parentId, depth, createdAt: at(min), supportCount };
}

describe("materialised paths", () => {
  it("pads ids so that paths sort like the tree", () => {
    const a = childPath(null, 9);
    const b = childPath(null, 10);
    expect(a < b).toBe(true);
    const child = childPath(a, 11);
    expect(child.startsWith(a)).toBe(true);
    expect(ancestorIds(child)).toEqual([9, 11]);
    expect(pathSegment(12)).toBe("0000000012");
  });

  it("bounds exactly the descendants of a post", () => {
    const parent = childPath(childPath(null, 1), 5);
    const range = subtreeRange(parent);
    const inside = [childPath(parent, 6), childPath(childPath(parent, 6), 99), childPath(parent, 9_999_999)];
    const outside = [parent, childPath(childPath(null, 1), 50), childPath(childPath(null, 1), 4), childPath(null, 2)];
    outside.push(childPath(childPath(null, 1), 6), childPath(childPath(childPath(null, 1), 6), 7));
    for (const p of inside) expect(p > range.gt && p < range.lt, p).toBe(true);
    for (const p of outside) expect(p > range.gt && p < range.lt, p).toBe(false);
    // the same under a locale collation (PostgreSQL's default is one)
    const collator = new Intl.Collator("en-US");
    const between = (p: string) => collator.compare(p, range.gt) > 0 && collator.compare(p, range.lt) < 0;
    for (const p of inside) expect(between(p), p).toBe(true);
    for (const p of outside) expect(between(p), p).toBe(false);
  });
});

describe("sorting", () => {
  const rows = [row(1, null, 1, 5, 2), row(2, null, 1, 1, 7), row(3, null, 1, 9, 7), row(4, null, 1, 1, 0)];
  it("oldest first, ties by id", () => {
    expect([...rows].sort(compareBy("oldest")).map((r) => r.id)).toEqual([2, 4, 1, 3]);
  });
  it("newest first", () => {
    expect([...rows].sort(compareBy("newest")).map((r) => r.id)).toEqual([3, 1, 4, 2]);
  });
  it("most supported first, then oldest", () => {
    expect([...rows].sort(compareBy("supported")).map((r) => r.id)).toEqual([2, 3, 1, 4]);
  });
  it("accepts dates serialised as strings", () => {
    const s = rows.map((r) => ({ ...r, createdAt: (r.createdAt as Date).toISOString() }));
    expect(s.sort(compareBy("newest")).map((r) => r.id)).toEqual([3, 1, 4, 2]);
  });
});

describe("buildTree", () => {
  // 10 (top) -> 11 -> 12 -> 13 -> 14 ; 10 -> 15 (more supported) ; 20 (top) ; 30 orphan (parent not visible)
  const rows = [
    row(10, 1, 1, 0),
    row(11, 10, 2, 1, 0),
    row(12, 11, 3, 2),
    row(13, 12, 4, 3),
    row(14, 13, 5, 4),
    row(15, 10, 2, 5, 3),
    row(20, 1, 1, 6),
    row(30, 99, 2, 7),
  ];

  it("keeps the top-level order given by the page and nests replies", () => {
    const trees = buildTree(rows, [20, 10], "oldest", 10);
    expect(trees.map((t) => t.id)).toEqual([20, 10]);
    expect(trees[1].children.map((c) => c.id)).toEqual([11, 15]);
    expect(trees[1].children[0].children[0].children[0].children[0].id).toBe(14);
  });

  it("sorts replies at every level", () => {
    const trees = buildTree(rows, [10], "supported", 10);
    expect(trees[0].children.map((c) => c.id)).toEqual([15, 11]);
    expect(buildTree(rows, [10], "newest", 10)[0].children.map((c) => c.id)).toEqual([15, 11]);
  });

  it("stops at the readable depth and marks where the thread continues", () => {
    const trees = buildTree(rows, [10], "oldest", 4);
    const d4 = trees[0].children[0].children[0].children[0];
    expect(d4.id).toBe(13);
    expect(d4.children).toEqual([]);
    expect(d4.hasMore).toBe(true);
    expect(trees[0].hasMore).toBe(false);
  });

  it("drops replies whose parent the reader may not see", () => {
    const trees = buildTree(rows, [10, 20], "oldest", 10);
    expect(countNodes(trees)).toBe(7);
    expect(JSON.stringify(trees)).not.toContain('"id":30');
  });

  it("ignores missing roots", () => {
    expect(buildTree(rows, [404], "oldest", 4)).toEqual([]);
  });
});

describe("report threshold", () => {
  it("counts different reporters, not reports", () => {
    expect(reachesThreshold([1, 1, 1], 3)).toBe(false);
    expect(reachesThreshold([1, 2], 3)).toBe(false);
    expect(reachesThreshold([1, 2, 3], 3)).toBe(true);
    expect(reachesThreshold([5], 1)).toBe(true);
  });
  it("never hides on zero reports even with a threshold below 1", () => {
    expect(reachesThreshold([], 0)).toBe(false);
  });
});

describe("buildTree with a limit of replies per post", () => {
  const rows = [row(1, 0, 1, 0), ...[2, 3, 4, 5].map((id) => row(id, 1, 2, id)), row(6, 2, 3, 9), row(7, 2, 3, 10), row(8, 2, 3, 11)];
  it("shows the first replies in sort order and marks the rest as continued", () => {
    const [top] = buildTree(rows, [1], "oldest", { maxDepth: 10, maxChildren: 2, limitRoots: true });
    expect(top.children.map((c) => c.id)).toEqual([2, 3]);
    expect(top.hasMore).toBe(true);
    expect(top.children[0].children.map((c) => c.id)).toEqual([6, 7]);
    expect(top.children[0].hasMore).toBe(true);
    expect(top.children[1].hasMore).toBe(false);
  });
  it("shows all replies of the page's own root unless asked", () => {
    const [top] = buildTree(rows, [1], "newest", { maxDepth: 10, maxChildren: 2 });
    expect(top.children.map((c) => c.id)).toEqual([5, 4, 3, 2]);
    expect(top.hasMore).toBe(false);
    expect(top.children[3].children.map((c) => c.id)).toEqual([8, 7]);
  });
});
