// Pure thread logic: materialised paths, sorting and building the reply tree.
// Tested without a database (tree.test.ts).
import type { Sort } from "./discussions.schema";

export const PATH_WIDTH = 10;
/** how many levels below the page's root are shown before "continue this thread" */
export const VISIBLE_DEPTH = 4;
/** how many replies of one post are shown before "continue this thread" (the page's own root shows all) */
export const VISIBLE_CHILDREN = 3;

/**
 * A path is the zero-padded ids of a post's ancestors and itself, digits only
 * ("0000000012" + "0000000040"): digit strings of one width sort the same in every
 * collation (PostgreSQL's locale collations skip punctuation such as "/"), so
 * subtrees are plain index range reads on (topicId, path).
 */
export function pathSegment(id: number): string {
  return String(id).padStart(PATH_WIDTH, "0");
}

export function childPath(parentPath: string | null, id: number): string {
  return (parentPath ?? "") + pathSegment(id);
}

/** Bounds such that every descendant's path p (not the post itself) has lower < p < upper. */
export function subtreeRange(path: string): { gt: string; lt: string } {
  // descendants extend `path`; the next possible sibling (last id + 1) sorts after all of them
  const last = Number(path.slice(-PATH_WIDTH));
  return { gt: path, lt: path.slice(0, -PATH_WIDTH) + pathSegment(last + 1) };
}

export function ancestorIds(path: string): number[] {
  const ids: number[] = [];
  for (let i = 0; i < path.length; i += PATH_WIDTH) ids.push(Number(path.slice(i, i + PATH_WIDTH)));
  return ids;
}

export interface Sortable {
  id: number;
  createdAt: Date | string;
  supportCount: number;
}

const time = (d: Date | string) => (typeof d === "string" ? Date.parse(d) : d.getTime());

export function compareBy(sort: Sort): (a: Sortable, b: Sortable) => number {
  switch (sort) {
    case "newest":
      return (a, b) => time(b.createdAt) - time(a.createdAt) || b.id - a.id;
    case "supported":
      return (a, b) => b.supportCount - a.supportCount || time(a.createdAt) - time(b.createdAt) || a.id - b.id;
    default:
      return (a, b) => time(a.createdAt) - time(b.createdAt) || a.id - b.id;
  }
}

export interface TreeRow extends Sortable {
  parentId: number | null;
  depth: number;
}

export type TreeNode<T extends TreeRow> = T & { children: TreeNode<T>[]; hasMore: boolean };

export interface TreeLimits {
  /** deepest depth placed */
  maxDepth: number;
  /** replies shown per post below the roots (the roots show all theirs) */
  maxChildren?: number;
  /** apply maxChildren to the roots too */
  limitRoots?: boolean;
}

/**
 * Builds the trees under `rootIds` (kept in the given order) from flat rows.
 * Children are sorted with `sort`. Rows deeper than `maxDepth`, and replies after
 * the first `maxChildren` of a post, are not placed; their parent gets `hasMore`
 * ("continue this thread"). Rows whose parent is missing (not visible to the
 * reader) are dropped with their subtree.
 */
export function buildTree<T extends TreeRow>(rows: T[], rootIds: number[], sort: Sort, limits: number | TreeLimits): TreeNode<T>[] {
  const { maxDepth, maxChildren = Infinity, limitRoots = false } = typeof limits === "number" ? { maxDepth: limits } : limits;
  const nodes = new Map<number, TreeNode<T>>();
  for (const r of rows) nodes.set(r.id, { ...r, children: [], hasMore: false });
  for (const node of nodes.values()) {
    if (node.parentId === null || rootIds.includes(node.id)) continue;
    const parent = nodes.get(node.parentId);
    if (!parent) continue;
    if (node.depth > maxDepth) parent.hasMore = true;
    else parent.children.push(node);
  }
  const cmp = compareBy(sort);
  const sortDeep = (node: TreeNode<T>, limit: number) => {
    node.children.sort(cmp);
    if (node.children.length > limit) {
      node.children = node.children.slice(0, limit);
      node.hasMore = true;
    }
    for (const n of node.children) sortDeep(n, maxChildren);
  };
  const roots = rootIds.map((id) => nodes.get(id)).filter((n): n is TreeNode<T> => !!n);
  for (const r of roots) sortDeep(r, limitRoots ? maxChildren : Infinity);
  return roots;
}

/** Flat count of the nodes in the trees (for tests and counts). */
export function countNodes<T extends TreeRow>(trees: TreeNode<T>[]): number {
  return trees.reduce((n, t) => n + 1 + countNodes(t.children), 0);
}

/** Whether enough different people reported a post to hide it until review. */
export function reachesThreshold(reporterIds: number[], threshold: number): boolean {
  return new Set(reporterIds).size >= Math.max(1, threshold);
}
