package dev.tulip.web;

import java.util.Locale;
import java.util.Map;

/**
 * Content types by file extension, for {@link StaticFiles}. Text types get {@code charset=utf-8};
 * an unknown extension is {@code application/octet-stream}, which browsers download rather than
 * guess at ({@code X-Content-Type-Options: nosniff} goes with every file).
 */
final class ContentTypes {
    static final String UNKNOWN = "application/octet-stream";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"),
            Map.entry("mjs", "text/javascript"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("txt", "text/plain"),
            Map.entry("md", "text/markdown"),
            Map.entry("csv", "text/csv"),
            Map.entry("xml", "application/xml"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("wav", "audio/wav"));

    private ContentTypes() {}

    /** The type of a file named {@code name}, with {@code extra} (extension to type) consulted first. */
    static String of(String name, Map<String, String> extra) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        if (dot <= slash + 1) return UNKNOWN; // no extension, or a dotfile's name
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = extra.getOrDefault(ext, TYPES.get(ext));
        if (type == null) return UNKNOWN;
        return isText(type) && !type.contains(";") ? type + "; charset=utf-8" : type;
    }

    private static boolean isText(String type) {
        return type.startsWith("text/")
                || type.equals("application/json")
                || type.equals("application/manifest+json")
                || type.equals("application/xml")
                || type.equals("image/svg+xml");
    }
}
