/**
 * For integrations (database clients, protocols, metrics): the one way into an app is
 * {@code app.install(integration)}, which calls {@link dev.tulip.spi.Integration#install} at once
 * with a {@link dev.tulip.spi.Setup}. Through it an integration adds routes and middleware,
 * declares resources as open/close pairs, observes requests, reaches (or supplies) the app's event
 * loops, and takes over connections after a protocol upgrade. Netty types appear here only where
 * an integration must share the loops or a connection.
 */
package dev.tulip.spi;
