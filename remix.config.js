import path from "node:path";

// BALAI_BUILD_DIR (inside the project, e.g. .cache/build-x) lets parallel test runs build side by side.
const buildDir = process.env.BALAI_BUILD_DIR;

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  ...(buildDir && {
    serverBuildPath: path.join(buildDir, "server", "index.js"),
    assetsBuildDirectory: path.join(buildDir, "assets"),
  }),
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
