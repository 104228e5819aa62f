// A single-page app: the Worker serves index.html for every route and the browser renders it.
export const ssr = false;
export const prerender = false;
