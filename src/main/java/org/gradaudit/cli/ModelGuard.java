package org.gradaudit.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a user model's code ({@code check --model}) so that it cannot fake a pass or hang:
 * <ul>
 *   <li>under a watchdog: the work runs on its own daemon thread, and if it has not finished within
 *       the time limit it is abandoned (a loop in {@code loss} cannot be interrupted from outside)
 *       and the command ends with exit code 2, naming the limit;
 *   <li>with a shutdown hook: should the model call {@code System.exit} (which would end the JVM
 *       with the model's exit code and no report, 0 looking like a pass), the hook says so on
 *       stderr and halts with exit code 3.
 * </ul>
 * {@code Runtime.halt} from the model is not caught: it runs no hooks, and only a child process
 * could see it. We chose the hook over a child process: a child JVM would double the start-up of
 * every {@code check --model} for a model that calls {@code halt}, which no honest one does.
 */
final class ModelGuard {
    /** What the model is doing now, or null: read by the shutdown hook. */
    private static volatile String active;
    private static boolean hooked;

    private ModelGuard() {
    }

    /**
     * Runs {@code work} on a watchdog thread and returns its result.
     *
     * @param what what the work is, for messages ("loading the model", "the gradient check")
     * @param limit how long it may take
     * @throws InputException if the limit passed
     * @throws RuntimeException or Error, whatever the work threw, unwrapped
     */
    /** How long past the time limit the watchdog waits before it abandons the work. */
    static final long GRACE_MILLIS = 500;

    static <T> T run(String what, Duration limit, Callable<T> work) {
        installHook();
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, "gradaudit-model");
        t.setDaemon(true);
        active = what;
        t.start();
        try {
            // A moment past the limit: the check's own stop at its deadline, with a clearer message, comes first.
            return task.get(limit.plusMillis(GRACE_MILLIS).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            t.interrupt();
            throw new InputException(what + " did not finish within the time limit of "
                    + Seconds.format(limit) + " (--time-limit); a loop or a very slow loss?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted while " + what);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            active = null;
        }
    }

    private static synchronized void installHook() {
        if (hooked) {
            return;
        }
        hooked = true;
        PrintStream err = System.err;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            String doing = active;
            String caller = doing == null ? null : exitCaller();
            if (caller != null) {
                err.println("gradaudit: the model ended the JVM: " + caller + " called System.exit while " + doing
                        + "; its result cannot be trusted, and nothing is reported");
                err.flush();
                Runtime.getRuntime().halt(3);
            }
        }, "gradaudit-exit-guard"));
    }

    /**
     * The frame that called {@code Runtime.exit} (through {@code System.exit} or not), or null when
     * the JVM is ending for another reason (a signal's handler calls {@code Shutdown.exit} directly,
     * and gradaudit's own exit happens when no model code is active).
     */
    private static String exitCaller() {
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            for (int i = 0; i < stack.length - 1; i++) {
                if (stack[i].getClassName().equals("java.lang.Runtime") && stack[i].getMethodName().equals("exit")) {
                    int j = i + 1;
                    while (j < stack.length - 1 && stack[j].getClassName().equals("java.lang.System")) {
                        j++;
                    }
                    return stack[j].getClassName() + "." + stack[j].getMethodName();
                }
            }
        }
        return null;
    }
}
