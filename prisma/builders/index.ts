// Builders for every model, one file per product area (see core.ts for the conventions).
export * from "./core";
export * from "./events";
export * from "./discussions";
export * from "./agenda";
export * from "./aspirations";
export * from "./qa";
export * from "./services";
export * from "./satisfaction";
