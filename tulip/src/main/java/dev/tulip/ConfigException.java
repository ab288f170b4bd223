package dev.tulip;

/** A configuration value is missing or invalid; the message names the setting and what it accepts. */
public class ConfigException extends RuntimeException {
    /** Creates the exception with a message that says what to fix. */
    public ConfigException(String message) {
        super(message);
    }
}
