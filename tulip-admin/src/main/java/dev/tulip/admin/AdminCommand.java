package dev.tulip.admin;

import dev.tulip.admin.internal.Passwords;
import dev.tulip.admin.internal.pg.PgAdminStore;
import dev.tulip.admin.spi.AdminUser;
import dev.tulip.pg.Pg;
import java.io.Console;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The admin's command line: creates or replaces an admin user in the PostgreSQL of
 * {@code DATABASE_URL}, the admin's tables created first if missing.
 *
 * <pre>
 * DATABASE_URL=postgres://app@db/shop java -cp ... dev.tulip.admin.AdminCommand create-user alice --superuser
 * DATABASE_URL=... java -cp ... dev.tulip.admin.AdminCommand create-user bob --permissions "*:view,orders:change"
 * </pre>
 *
 * The password is read from {@code TULIP_ADMIN_PASSWORD}, else asked twice on the console; it is
 * never an argument (arguments show in process lists). Exit code 0 when saved, 2 for bad usage.
 */
public final class AdminCommand {
    private static final String USAGE = "usage: AdminCommand create-user <username> [--superuser]"
            + " [--permissions model:action,...]   (DATABASE_URL names the database;"
            + " the password comes from TULIP_ADMIN_PASSWORD or the console)";

    private AdminCommand() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    /** Runs the command; returns its exit code. */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.size() < 2 || !args.getFirst().equals("create-user")) {
            err.println(USAGE);
            return 2;
        }
        String username = args.get(1);
        boolean superuser = false;
        Set<String> permissions = new LinkedHashSet<>();
        for (int i = 2; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--superuser" -> superuser = true;
                case "--permissions" -> {
                    if (i + 1 >= args.size()) {
                        err.println("--permissions needs a list, like \"*:view,orders:change\"\n" + USAGE);
                        return 2;
                    }
                    for (String p : args.get(++i).split(",")) {
                        if (!p.strip().matches("[^:\\s]+:(view|add|change|delete)")) {
                            err.println("permission " + p
                                    + ": write model:action, action one of view, add, change, delete");
                            return 2;
                        }
                        permissions.add(p.strip());
                    }
                }
                default -> {
                    err.println("unknown argument " + args.get(i) + "\n" + USAGE);
                    return 2;
                }
            }
        }
        String url = env.get("DATABASE_URL");
        if (url == null || url.isBlank()) {
            err.println("DATABASE_URL is not set: it names the PostgreSQL whose admin users to change");
            return 2;
        }
        Optional<String> password =
                Optional.ofNullable(env.get("TULIP_ADMIN_PASSWORD")).or(AdminCommand::ask);
        if (password.isEmpty() || password.get().length() < 8) {
            err.println(
                    "an admin password has at least 8 characters (TULIP_ADMIN_PASSWORD, or typed twice on the console)");
            return 2;
        }
        try (Pg pg = Pg.connect(cfg -> cfg.url(url).poolSize(1))) {
            PgAdminStore store = new PgAdminStore(pg);
            store.migrate();
            store.saveUser(new AdminUser(username, new Passwords().hash(password.get()), superuser, permissions, true));
        }
        out.println("saved admin user " + username + (superuser ? " (superuser)" : " with " + permissions));
        return 0;
    }

    private static Optional<String> ask() {
        Console console = System.console();
        if (console == null) return Optional.empty();
        char[] first = console.readPassword("password: ");
        char[] again = console.readPassword("again: ");
        if (first == null || again == null || !Arrays.equals(first, again)) return Optional.empty();
        return Optional.of(new String(first));
    }
}
