/**
 * The picocli commands {@code audit}, {@code check} and {@code derive}: argument handling, calls
 * into the library, rendering and exit codes (0 agree, 1 mismatch, 2 bad input, 3 internal error).
 */
package org.gradaudit.cli;
