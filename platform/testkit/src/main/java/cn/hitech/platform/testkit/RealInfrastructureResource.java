package cn.hitech.platform.testkit;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import cn.hitech.platform.infra.JwtKeys;

/**
 * Points a {@code @QuarkusTest} application at real infrastructure: a fresh database (with its own role) on the test
 * JVM's PostgreSQL cluster and the JVM's Kafka broker. Use it with
 * {@code @WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)} on one class
 * of the module, or on each class.
 */
public class RealInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        String database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        infra.postgres().ensureDatabase(database, database, database);
        return Map.of(
                "mp.jwt.verify.publickey.location", infra.keys().resolve(JwtKeys.PUBLIC_KEY).toUri().toString(),
                "smallrye.jwt.sign.key.location", infra.keys().resolve(JwtKeys.PRIVATE_KEY).toUri().toString(),
                "quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database),
                "quarkus.datasource.username", database,
                "quarkus.datasource.password", database,
                "kafka.bootstrap.servers", infra.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // The cluster and broker are shared by every test class of this JVM; TestInfrastructure stops them at exit.
    }
}
