package dev.tulip;

import dev.tulip.internal.Durations;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads setting values from text (environment, command line) and writes them back as text. */
final class ConfigValues {
    private static final Pattern SIZE =
            Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

    private ConfigValues() {}

    static int integer(String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("not an integer");
        }
    }

    /** Bytes: {@code 1048576}, {@code 512k}, {@code 10MiB}, {@code 1g} (binary units). */
    static long size(String v) {
        Matcher m = SIZE.matcher(v.trim());
        if (!m.matches()) throw new ConfigException("not a size (e.g. 1048576, 512k, 10MiB)");
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new ConfigException("size too large");
        }
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        int shift = switch (unit.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        if (n > (Long.MAX_VALUE >> shift)) throw new ConfigException("size too large");
        return n << shift;
    }

    static int intSize(String v) {
        long n = size(v);
        if (n > Integer.MAX_VALUE) throw new ConfigException("size too large");
        return (int) n;
    }

    /** A duration: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, plain seconds, or ISO-8601 ({@code PT30S}). */
    static Duration duration(String v) {
        String s = v.trim();
        if (s.regionMatches(true, 0, "PT", 0, 2)) {
            try {
                return Duration.parse(s);
            } catch (DateTimeParseException e) {
                throw new ConfigException("not a duration (e.g. 500ms, 30s, 2m, PT30S)");
            }
        }
        Matcher m = DURATION.matcher(s);
        if (!m.matches()) throw new ConfigException("not a duration (e.g. 500ms, 30s, 2m, PT30S)");
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        try {
            long n = Long.parseLong(m.group(1));
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ConfigException("duration too large");
        }
    }

    static boolean bool(String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new ConfigException("not a boolean (true/false)");
        };
    }

    static Config.TrailingSlash trailingSlash(String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "strict" -> Config.TrailingSlash.STRICT;
            case "redirect" -> Config.TrailingSlash.REDIRECT;
            case "ignore" -> Config.TrailingSlash.IGNORE;
            default -> throw new ConfigException("not a trailing-slash policy (strict, redirect, ignore)");
        };
    }

    static Config.Transport transport(String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "auto" -> Config.Transport.AUTO;
            case "epoll" -> Config.Transport.EPOLL;
            case "io_uring", "iouring" -> Config.Transport.IO_URING;
            case "nio" -> Config.Transport.NIO;
            default -> throw new ConfigException("not a transport (auto, epoll, io_uring, nio)");
        };
    }

    /**
     * A value as text, the way it is written in settings: durations as {@code 30s}, {@code 500ms},
     * {@code 2m}, {@code 1h} (ISO-8601 if finer than a millisecond), transports as {@code io_uring};
     * anything that has no text form as its type and identity.
     */
    static String format(Object value) {
        return switch (value) {
            case null -> "default";
            case Duration d -> formatDuration(d);
            case Config.Transport t -> t.name().toLowerCase(Locale.ROOT);
            case Config.TrailingSlash t -> t.name().toLowerCase(Locale.ROOT);
            case String s -> s;
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            default -> value.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(value));
        };
    }

    /** {@code 30s}, {@code 500ms}, {@code 2m}: see {@link Durations#format}. */
    static String formatDuration(Duration d) {
        return Durations.format(d);
    }
}
