package dev.tulip.internal;

import dev.tulip.AppContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * What serving an app's requests needs, built once when it starts: the dispatcher, the shared
 * context, the JSON mapper for request bodies and the request observers. The HTTP server and the
 * in-process client both run on it.
 */
public record Engine(Dispatcher dispatcher, AppContext context, JsonMapper mapper, Observers observers) {}
