package dev.tulip.admin;

/** Placeholder until the facade lands. */
public final class Admin {
    private Admin() {}
}
