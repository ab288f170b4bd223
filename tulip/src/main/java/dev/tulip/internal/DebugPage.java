package dev.tulip.internal;

import dev.tulip.Request;
import dev.tulip.Response;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code debug} setting's answer to an unexpected exception: the stack trace, as an HTML page
 * for a browser and as JSON for anything else. Only for development: it shows the code's insides
 * to whoever asks, so a server bound beyond loopback refuses it unless forced.
 */
final class DebugPage {
    private DebugPage() {}

    static Response of(Throwable t, Request req) {
        String trace = trace(t);
        boolean html = req.header("Accept").map(a -> a.contains("text/html")).orElse(false);
        if (html) return Response.html(page(t, req, trace)).status(500);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 500);
        body.put("error", "Internal Server Error");
        body.put("message", String.valueOf(t));
        body.put("trace", lines(trace));
        return Response.json(500, body);
    }

    private static String page(Throwable t, Request req, String trace) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>500 "
                + escape(t.getClass().getSimpleName())
                + "</title><style>body{font:14px system-ui,sans-serif;margin:2em}"
                + "pre{background:#f6f6f6;padding:1em;overflow:auto}</style></head><body>"
                + "<h1>500 Internal Server Error</h1><p><b>" + escape(req.method()) + " " + escape(req.uri())
                + "</b>" + req.route().map(r -> " (route " + escape(r) + ")").orElse("") + "</p>"
                + "<h2>" + escape(String.valueOf(t)) + "</h2><pre>" + escape(trace) + "</pre>"
                + "<p>This page is shown because the app runs with <code>debug</code> on; turn it off in"
                + " production.</p></body></html>";
    }

    private static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private static List<String> lines(String trace) {
        List<String> out = new ArrayList<>();
        for (String l : trace.split("\n")) if (!l.isBlank()) out.add(l.strip());
        return out;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
