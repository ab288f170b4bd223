/** The automatic admin: {@link dev.tulip.admin.Admin}, installed into an app over its databases. */
package dev.tulip.admin;
