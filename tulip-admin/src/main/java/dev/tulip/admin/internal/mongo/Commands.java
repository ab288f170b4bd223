package dev.tulip.admin.internal.mongo;

import java.util.function.Consumer;

/** Tells the backend's listener of each command it sends: {@code "find tasks"}, {@code "listCollections"}. */
record Commands(Consumer<String> listener) {

    void sent(String command, String collection) {
        listener.accept(collection.isEmpty() ? command : command + " " + collection);
    }
}
