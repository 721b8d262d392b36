/**
 * The per-run report under {@code target/reports/<run>/}: {@code summary.json}, SVG charts and
 * a {@code report.md} / {@code index.html} linking them.
 */
package io.voltgate.loadtest.report;
