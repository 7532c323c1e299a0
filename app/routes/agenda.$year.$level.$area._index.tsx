// The public page of one deliberation by level and area: the same page as /agenda/:year.
export { action, default, links, loader, meta } from "./agenda.$year._index";
