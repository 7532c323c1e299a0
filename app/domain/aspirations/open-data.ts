// Open data's page sizes, shared by the open-data route and the list page's note (a plain
// module: the browser build gets these, unlike a .server module's).
/** Rows per open-data page by default, and at most (`?limit=`). */
export const OPEN_DATA_PAGE = 500;
export const OPEN_DATA_PAGE_MAX = 5000;
