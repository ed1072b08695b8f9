package cn.hitech.enterprise.register;

/**
 * The 服务专员 of an enterprise changed from {@code before} to {@code after} (either may be null): a CDI event fired in
 * the transaction of the change, so that what hangs on the person (their 帮办代办 grants) ends with it.
 */
public record CommissionerChanged(String creditCode, String before, String after) {
}
