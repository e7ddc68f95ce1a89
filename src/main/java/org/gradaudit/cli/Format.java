package org.gradaudit.cli;

/** Report formats; each constant is spelled on the command line as it prints. */
enum Format {
    /** For people: a terminal or a log. */
    text,
    /** One JSON document, per the field contract in the README. */
    json,
    /** JUnit XML for CI servers. */
    junit,
    /** One self-contained HTML page. */
    html
}
