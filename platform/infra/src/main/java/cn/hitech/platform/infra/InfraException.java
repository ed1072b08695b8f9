package cn.hitech.platform.infra;

/** A piece of local infrastructure could not be started, found or stopped; the message says which and why. */
public class InfraException extends RuntimeException {

    public InfraException(String message) {
        super(message);
    }

    public InfraException(String message, Throwable cause) {
        super(message, cause);
    }
}
