package cn.hitech.platform.events;

/** An event that no retry can help: not JSON, or missing data its contract requires. It goes to the dead letters. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
