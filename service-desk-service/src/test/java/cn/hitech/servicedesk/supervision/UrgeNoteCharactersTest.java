package cn.hitech.servicedesk.supervision;

import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.servicedesk.support.Tickets.attempt;
import static cn.hitech.servicedesk.support.Tickets.dispatch;
import static cn.hitech.servicedesk.support.Tickets.get;
import static cn.hitech.servicedesk.support.Tickets.register;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/**
 * Found by FuzzIT (deploy/system-tests): a 催办 (urge) whose note held a NUL character was a 500, PostgreSQL's jsonb
 * refusing it at the insert (SQLState 22P05). Every JSON text field now refuses U+0000 as it is read.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class UrgeNoteCharactersTest {

    @Test
    void aNulCharacterInTheNoteIsA400NamingItAndUrgesNothing() {
        String id = register(TestData.creditCode());
        dispatch(id, "POWER_SUPPLY");
        JsonPath before = get(id);

        attempt(asManager(), id, "urge", "{\"note\": \"企业再次来电\\u0000\"}").statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_CHARACTER"))
                .body("errors.field", hasItem("note"))
                .body("detail", containsString("NUL"));

        JsonPath after = get(id);
        assertEquals(before.getLong("version"), after.getLong("version"), "a refused urge changes nothing");
        assertEquals(before.getInt("urgeCount"), after.getInt("urgeCount"));

        // Other control characters are text the database keeps: the same urge with a bell in its note goes through.
        JsonPath urged = attempt(asManager(), id, "urge", "{\"note\": \"企业再次来电\\u0007\"}").statusCode(200).extract().jsonPath();
        assertEquals(before.getInt("urgeCount") + 1, urged.getInt("urgeCount"));
    }
}
