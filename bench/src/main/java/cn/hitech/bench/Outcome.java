package cn.hitech.bench;

import java.io.PrintStream;
import java.util.List;

/** The figures of one benchmark run and what went wrong on the way; the figures count only when nothing did. */
interface Outcome {

    /** Every failed request, missing effect and empty or NaN figure; empty when the figures are real. */
    List<String> failures();

    /** The table and its summary lines, as the README shows them. */
    void print(PrintStream out);

    default boolean succeeded() {
        return failures().isEmpty();
    }
}
