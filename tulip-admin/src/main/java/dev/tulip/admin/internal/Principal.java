package dev.tulip.admin.internal;

import dev.tulip.HttpException;
import dev.tulip.admin.spi.AdminUser;

/** The logged-in admin user of a request, and what they may do. */
public record Principal(AdminUser user) {

    /** The actions a permission names. */
    public enum Perm {
        VIEW,
        ADD,
        CHANGE,
        DELETE;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public String username() {
        return user.username();
    }

    public boolean can(AdminModel m, Perm p) {
        if (user.superuser()) return true;
        var perms = user.permissions();
        return perms.contains(m.slug() + ":" + p.word()) || perms.contains("*:" + p.word());
    }

    /** Passes if the user may {@code p} on {@code m}, else a 403 that names neither more nor less than the user may know. */
    public void require(AdminModel m, Perm p) {
        if (!can(m, p)) throw new HttpException(403, "you may not " + p.word() + " " + m.label() + " records");
    }
}
