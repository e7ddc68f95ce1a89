package org.gradaudit.check.grad;

/** Told how far a check has come; called from the thread that started the check, about ten times a second. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> { };

    /** {@code done} of {@code total} units of work are finished. */
    void progress(long done, long total);
}
