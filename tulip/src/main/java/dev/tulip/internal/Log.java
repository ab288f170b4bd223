package dev.tulip.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tulip's loggers: {@code dev.tulip} for the framework, {@code dev.tulip.access} for the access log. */
public final class Log {
    public static final Logger TULIP = LoggerFactory.getLogger("dev.tulip");
    public static final Logger ACCESS = LoggerFactory.getLogger("dev.tulip.access");

    private Log() {}
}
