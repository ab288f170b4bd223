/**
 * Everyday web features on the public API. Middleware: {@link dev.tulip.web.Cors} (cross-origin
 * requests and preflights), {@link dev.tulip.web.Sessions} (a signed cookie, or a server-side
 * {@link dev.tulip.web.SessionStore}) and {@link dev.tulip.web.Csrf} (a token in the session, or a
 * signed double-submit cookie), and {@link dev.tulip.web.Multipart} ({@code multipart/form-data}
 * forms and file uploads, read from the body as it arrives). Handlers: {@link dev.tulip.web.StaticFiles} (files from a
 * directory, the class path or one file) and {@link dev.tulip.web.Sse} (server-sent events, with
 * {@link dev.tulip.web.SseHub} to fan them out). Response compression is not here: the server does
 * it for every body (see the {@code compression} setting).
 */
package dev.tulip.web;
