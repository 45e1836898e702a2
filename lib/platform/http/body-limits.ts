// The largest request body a server action may send (the CSV import's preview sends the
// whole file), one number for every layer: next.config.ts gives it to Next.js's action
// handler and to its proxy (whose own default, 10 MB, cut larger bodies short: a 500),
// and server.ts answers 413 above it before Next.js reads the body.
export const SERVER_ACTION_BODY_LIMIT = "25mb";
export const SERVER_ACTION_BODY_LIMIT_BYTES = 25 * 1024 * 1024;
