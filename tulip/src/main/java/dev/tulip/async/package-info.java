/**
 * The asynchronous toolkit: running many tasks and waiting for all or the first, deadlines and
 * cancellation, memoising, queues shared by blocking and asynchronous code, executors for
 * blocking and CPU-bound work, background tasks owned by an app, and a watchdog for blocked
 * event loops. Usable inside an app and in plain code.
 */
package dev.tulip.async;
