package cn.hitech.platform.web;

/**
 * How a deployment runs ({@code hitech.mode}, env {@code HITECH_MODE}). Production is the default; only a demo
 * (the local run) or an acceptance run (tests) may start the domain clock at another instant.
 */
public enum RunMode {
    PRODUCTION, DEMO, ACCEPTANCE;

    public boolean mayMoveClock() {
        return this != PRODUCTION;
    }
}
