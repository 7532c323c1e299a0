// Empty on the server: see ./server-stubs.browser.ts (what the browser build uses instead).
export {};
