package dev.tulip.admin.spi;

/** A list's order: one field, then the primary key as the tie-breaker (the backend adds it). */
public record Sort(String field, boolean descending) {}
