package cn.hitech.platform.testkit;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** rest-assured requests as a given user. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification asStaff() {
        return as(TestTokens.staff());
    }

    public static RequestSpecification asManager() {
        return as(TestTokens.manager());
    }

    public static RequestSpecification asAdmin() {
        return as(TestTokens.admin());
    }

    public static RequestSpecification asEnterprise(String creditCode) {
        return as(TestTokens.enterprise(creditCode));
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given();
    }
}
