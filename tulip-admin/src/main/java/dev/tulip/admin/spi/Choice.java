package dev.tulip.admin.spi;

/** A record offered for a reference field: its id and a short label to recognise it by. */
public record Choice(Id id, String label) {}
