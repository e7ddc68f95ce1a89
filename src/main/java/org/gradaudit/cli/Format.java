package org.gradaudit.cli;

/** Report formats. */
enum Format {
    text, json, junit, html
}
