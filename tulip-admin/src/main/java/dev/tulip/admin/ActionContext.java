package dev.tulip.admin;

import dev.tulip.Request;

/**
 * What an {@link Action} knows of where it runs.
 *
 * @param request the admin request that asked for it
 * @param username the admin user who asked
 * @param model the model's name
 */
public record ActionContext(Request request, String username, String model) {}
