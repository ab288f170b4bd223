package dev.tulip.admin;

import dev.tulip.admin.spi.Id;
import java.util.List;

/**
 * A bulk action on the selected records of a list, declared in code ({@link ModelOptions#action}).
 * It runs with the change permission of its model, after the CSRF check, and its result is shown
 * to the user as a message.
 */
@FunctionalInterface
public interface Action {

    /** Does the action on {@code ids}; returns what to tell the user ("3 orders shipped"). */
    String run(ActionContext context, List<Id> ids) throws Exception;
}
