package cn.hitech.servicedesk.ticket;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.ServiceStackContract;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ServiceDeskStackTest extends ServiceStackContract {

    @Override
    protected String writeEndpoint() {
        return "/api/tickets";
    }
}
