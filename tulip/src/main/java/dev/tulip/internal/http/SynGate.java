package dev.tulip.internal.http;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.netty.channel.Channel;
import io.netty.channel.unix.UnixChannel;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Closing a listener without resetting anyone (Linux, epoll or io_uring). Closing a listening
 * socket resets every connection still in its accept queue, and those clients may already have
 * sent their request. So before the close the gate attaches a classic BPF filter to the listener
 * that drops new SYNs (a packet with SYN and without ACK) and lets everything else through: no new
 * connection starts, the handshakes already under way finish, and the server accepts what the
 * kernel queued until the queue is empty (its length is {@code tcpi_unacked} of the listener's
 * {@code TCP_INFO}). A client whose SYN was dropped retries it a second later and is refused by
 * then, which it can tell from a lost request: nothing was sent.
 */
final class SynGate {
    private static final int SOL_SOCKET = 1;
    private static final int SO_ATTACH_FILTER = 26;
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_INFO = 11;
    private static final MethodHandle SETSOCKOPT;
    private static final MethodHandle GETSOCKOPT;

    static {
        MethodHandle set = null, get = null;
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            try {
                Linker linker = Linker.nativeLinker();
                var lookup = linker.defaultLookup();
                set = linker.downcallHandle(
                        lookup.find("setsockopt").orElseThrow(),
                        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
                get = linker.downcallHandle(
                        lookup.find("getsockopt").orElseThrow(),
                        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
            } catch (RuntimeException | Error e) { // no native access: the listener closes as before
                set = null;
                get = null;
            }
        }
        SETSOCKOPT = set;
        GETSOCKOPT = get;
    }

    private SynGate() {}

    /** The listener's file descriptor, if it is a native socket the gate can work on. */
    static OptionalInt fd(Channel listener) {
        if (SETSOCKOPT == null || !(listener instanceof UnixChannel u)) return OptionalInt.empty();
        int fd = u.fd().intValue();
        return fd >= 0 ? OptionalInt.of(fd) : OptionalInt.empty();
    }

    /** Drops new SYNs on {@code fd} from now on; false if the kernel refused the filter. */
    static boolean close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            // struct sock_filter { u16 code; u8 jt; u8 jf; u32 k; }, relative to the TCP header
            int[][] program = {
                {0x30, 0, 0, 13}, // ldb [13]          the flags byte
                {0x54, 0, 0, 0x12}, // and #0x12       SYN | ACK
                {0x15, 0, 1, 0x02}, // jeq #SYN, drop, keep
                {0x06, 0, 0, 0}, // drop: ret #0
                {0x06, 0, 0, 0xffff_ffff}, // keep: ret #-1 (the whole packet)
            };
            MemorySegment insns = arena.allocate(8L * program.length, 8);
            for (int i = 0; i < program.length; i++) {
                insns.set(JAVA_SHORT, i * 8L, (short) program[i][0]);
                insns.set(JAVA_BYTE, i * 8L + 2, (byte) program[i][1]);
                insns.set(JAVA_BYTE, i * 8L + 3, (byte) program[i][2]);
                insns.set(JAVA_INT, i * 8L + 4, program[i][3]);
            }
            // struct sock_fprog { unsigned short len; struct sock_filter *filter; }
            MemorySegment prog = arena.allocate(16, 8);
            prog.set(JAVA_SHORT, 0, (short) program.length);
            prog.set(ADDRESS, 8, insns);
            return (int) SETSOCKOPT.invokeExact(fd, SOL_SOCKET, SO_ATTACH_FILTER, prog, 16) == 0;
        } catch (Throwable t) {
            return false;
        }
    }

    /** How many connections wait in {@code fd}'s accept queue, if the kernel says. */
    static OptionalInt queued(int fd) {
        if (GETSOCKOPT == null) return OptionalInt.empty();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = arena.allocate(256, 8);
            MemorySegment len = arena.allocate(JAVA_INT);
            len.set(JAVA_INT, 0, 256);
            if ((int) GETSOCKOPT.invokeExact(fd, IPPROTO_TCP, TCP_INFO, info, len) != 0) return OptionalInt.empty();
            return OptionalInt.of(info.get(JAVA_INT, 24)); // tcpi_unacked: for a listener, its accept queue
        } catch (Throwable t) {
            return OptionalInt.empty();
        }
    }
}
