package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the core shows its users: the API packages and the SPI, and no Netty type in the API. */
class ApiSurfaceTest {

    @Test
    void theCoreExportsTheApiPackagesAndTheSpiAndNothingElse() throws IOException, URISyntaxException {
        try (InputStream in = Files.newInputStream(classes().resolve("module-info.class"))) {
            ModuleDescriptor d = ModuleDescriptor.read(in);
            assertThat(d.exports())
                    .allSatisfy(e -> assertThat(e.isQualified())
                            .as("export of %s is to everyone", e.source())
                            .isFalse())
                    .extracting(ModuleDescriptor.Exports::source)
                    .containsExactlyInAnyOrder(
                            "dev.tulip", "dev.tulip.async", "dev.tulip.web", "dev.tulip.ws", "dev.tulip.spi");
        }
    }

    @Test
    void noPublicSignatureOfTheApiPackagesMentionsNetty() throws Exception {
        List<String> leaks = new ArrayList<>();
        List<Class<?>> api = new ArrayList<>(publicTypes("dev/tulip", "dev.tulip"));
        api.addAll(publicTypes("dev/tulip/async", "dev.tulip.async", true));
        api.addAll(publicTypes("dev/tulip/web", "dev.tulip.web"));
        api.addAll(publicTypes("dev/tulip/ws", "dev.tulip.ws"));
        for (Class<?> c : api) {
            for (Method m : c.getDeclaredMethods()) {
                if (!visible(m)) continue;
                check(leaks, c, m.getName(), m.getGenericReturnType());
                check(leaks, c, m);
            }
            for (var k : c.getDeclaredConstructors()) if (visible(k)) check(leaks, c, k);
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers()) || Modifier.isProtected(f.getModifiers()))
                    check(leaks, c, f.getName(), f.getGenericType());
            }
            if (c.isRecord())
                for (RecordComponent rc : c.getRecordComponents()) check(leaks, c, rc.getName(), rc.getGenericType());
        }
        assertThat(leaks).as("Netty types in the public API").isEmpty();
    }

    @Test
    void theWebAndWebSocketPackagesAreBuiltOnThePublicApiOnly() throws IOException {
        for (String pkg : List.of("web", "ws")) {
            Path dir = Path.of("src/main/java/dev/tulip/" + pkg);
            assertThat(dir).isDirectory();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    assertThat(Files.readString(f)).as(f.toString()).doesNotContain("dev.tulip.internal");
                }
            }
        }
    }

    @Test
    void theCheckSeesNettyWhereTheSpiUsesIt() throws Exception {
        List<String> seen = new ArrayList<>();
        for (Class<?> c : publicTypes("dev/tulip/spi", "dev.tulip.spi")) {
            for (Method m : c.getDeclaredMethods())
                if (visible(m)) check(seen, c, m.getName(), m.getGenericReturnType());
        }
        assertThat(seen).as("the check must be able to fail").anyMatch(s -> s.contains("EventLoopGroup"));
    }

    private static boolean visible(Executable e) {
        return (Modifier.isPublic(e.getModifiers()) || Modifier.isProtected(e.getModifiers())) && !e.isSynthetic();
    }

    private static void check(List<String> leaks, Class<?> owner, Executable e) {
        for (Type t : e.getGenericParameterTypes()) check(leaks, owner, e.getName(), t);
        for (Type t : e.getGenericExceptionTypes()) check(leaks, owner, e.getName(), t);
    }

    private static void check(List<String> leaks, Class<?> owner, String member, Type t) {
        if (t.getTypeName().contains("io.netty")) leaks.add(owner.getName() + "." + member + ": " + t.getTypeName());
    }

    /** Where the core's compiled classes are (its jar is not built yet when unit tests run). */
    private static Path classes() throws URISyntaxException {
        return Path.of(
                Tulip.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The public and protected top-level and nested types of one package, from the compiled classes. */
    private static Set<Class<?>> publicTypes(String dir, String pkg) throws IOException, URISyntaxException {
        return publicTypes(dir, pkg, false);
    }

    private static Set<Class<?>> publicTypes(String dir, String pkg, boolean mayBeEmpty)
            throws IOException, URISyntaxException {
        Path root = Path.of(
                Tulip.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<Class<?>> out = new java.util.LinkedHashSet<>();
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(root.resolve(dir))) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
                    .forEach(n -> names.add(pkg + "." + n.substring(0, n.length() - ".class".length())));
        }
        for (String n : names) {
            try {
                Class<?> c = Class.forName(n, false, Tulip.class.getClassLoader());
                if (Modifier.isPublic(c.getModifiers()) && !c.isAnonymousClass() && !c.isSynthetic()) out.add(c);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        if (!mayBeEmpty) assertThat(out).as("public types of %s", pkg).isNotEmpty();
        return out;
    }
}
