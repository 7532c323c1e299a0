/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

// Single fetch (README decision 11): loader and action data keep their types
// (dates stay dates) and `useLoaderData<typeof loader>()` needs no casts.
declare module "@remix-run/server-runtime" {
  interface Future {
    v3_singleFetch: true;
  }
}
export {};
