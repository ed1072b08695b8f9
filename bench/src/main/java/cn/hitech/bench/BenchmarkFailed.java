package cn.hitech.bench;

/** A benchmark could not measure at all (no sign-in, a rejected import): it stops, and its main exits non-zero. */
final class BenchmarkFailed extends RuntimeException {

    BenchmarkFailed(String message) {
        super(message);
    }
}
