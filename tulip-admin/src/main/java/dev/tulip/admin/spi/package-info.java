/**
 * What the admin needs from a database, so that PostgreSQL, MongoDB and later backends plug in
 * the same way, and the admin's pages and its REST API sit on one interface: {@link
 * dev.tulip.admin.spi.Backend} describes the models it holds and reads and writes their records,
 * {@link dev.tulip.admin.spi.AdminStore} keeps the admin's own users, sessions and login
 * failures. Values cross this interface in one canonical Java form per {@link
 * dev.tulip.admin.spi.FieldType}.
 */
package dev.tulip.admin.spi;
