package dev.tulip.admin.spi;

import java.util.Set;

/**
 * A person who may log in to the admin.
 *
 * @param username the login name
 * @param passwordHash the Argon2id hash in PHC form ({@code $argon2id$v=19$m=...})
 * @param superuser whether every permission is granted
 * @param permissions {@code model:action} grants, action one of view, add, change, delete
 *     ({@code *:view} for every model)
 * @param active whether the account may log in
 */
public record AdminUser(
        String username, String passwordHash, boolean superuser, Set<String> permissions, boolean active) {

    public AdminUser {
        permissions = Set.copyOf(permissions);
    }
}
