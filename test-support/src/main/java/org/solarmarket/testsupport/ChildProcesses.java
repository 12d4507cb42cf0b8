package org.solarmarket.testsupport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping the child processes that tests start: the broker and the packaged services. */
public final class ChildProcesses {

    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private ChildProcesses() {
    }

    /**
     * Sends SIGTERM, the way an operator stops a service, and waits for the exit; after
     * {@code grace} it sends SIGKILL. Does nothing for null.
     */
    public static void stop(Process process, Duration grace) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Sends SIGKILL, as a crash would, and waits for the exit. Does nothing for null. */
    public static void kill(Process process) {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
