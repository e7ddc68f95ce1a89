package org.gradaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where a report goes: stdout, or the file of {@code -o FILE}. A file is written whole or not at
 * all (to a temporary file beside it, then moved into place), so a failed run never leaves half a
 * report that looks whole.
 */
final class ReportFile {
    private ReportFile() {
    }

    /**
     * Checks, before any work is done, that {@code file} can be written: its directory exists and
     * it is not itself a directory.
     *
     * @throws InputException if it cannot be
     */
    static void checkWritable(Path file) {
        if (file == null) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new InputException("-o " + file + ": is a directory");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InputException("-o " + file + ": no such directory " + dir);
        }
    }

    /**
     * Writes the report to {@code out}, or to {@code file} when it is not null.
     *
     * @throws InputException if the file cannot be written
     */
    static void write(PrintWriter out, Path file, String report) {
        if (file == null) {
            out.print(report);
            out.flush();
            return;
        }
        checkWritable(file);
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            // Not Files.createTempFile, whose owner-only permissions would stay on the report.
            temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".part");
            Files.writeString(temp, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new InputException("-o " + file + ": cannot write: " + e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the report itself was written or the error above says why not
                }
            }
        }
    }
}
