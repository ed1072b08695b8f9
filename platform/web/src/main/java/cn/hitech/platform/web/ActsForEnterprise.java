package cn.hitech.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that an authorised agent may call on an enterprise's behalf (帮办代办) by sending
 * {@link OnBehalf#HEADER}: filing a ticket, adding material, rating the call-back, applying, supplying a correction,
 * confirming a benefit. The header on any other endpoint is refused by {@link OnBehalf}. The endpoint itself checks
 * that an authorisation covers the act ({@link CurrentUser#onBehalfOf()} names the enterprise).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ActsForEnterprise {
}
