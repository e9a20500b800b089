package io.snapgate.config;

import java.time.Clock;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.snapgate.guard.Coordination;
import io.snapgate.guard.RedisConnection;
import io.snapgate.guard.RedisSharedBudgets;
import io.snapgate.guard.RedisSharedReads;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * One request budget per provider for every replica, and one read for identical reads of
 * every replica, kept in Redis over one connection, once Redis is configured the Spring
 * Boot way ({@code spring.data.redis.host} or {@code .url}). Without it, each replica
 * keeps its own share and its own reads, and every bean here is a null bean (which the
 * resilience wiring sees as absent). Decided when the gateway starts, not by a condition,
 * which Spring AOT would evaluate once when the jar is built.
 */
@Configuration(proxyBeanMethods = false)
class SharedBudgetConfiguration {

	/**
	 * 1 while the replicas share their budgets and reads, 0 while each falls back to its
	 * own.
	 */
	static final String COORDINATION_UP = "snapgate.coordination.up";

	@Bean(destroyMethod = "close")
	@Nullable RedisConnection redisConnection(Environment environment, ObjectProvider<LettuceConnectionFactory> redis,
			SnapGateProperties properties) {
		if (!redisConfigured(environment)) {
			return null;
		}
		LettuceConnectionFactory factory = redis.getObject();
		return new RedisConnection(() -> (RedisClient) factory.getRequiredNativeClient(),
				properties.resilience().sharedBudgetTimeout());
	}

	@Bean
	@Nullable Coordination coordination(Environment environment, SnapGateProperties properties, MeterRegistry meters,
			ObjectProvider<Clock> clock) {
		if (!redisConfigured(environment)) {
			return null;
		}
		Coordination coordination = new Coordination(properties.resilience().sharedBudgetRetry(),
				clock.getIfAvailable(Clock::systemUTC));
		Gauge.builder(COORDINATION_UP, coordination, (state) -> state.isUp() ? 1 : 0)
			.description("1 while every replica spends from the request budgets kept in Redis and shares its "
					+ "reads there, 0 while this replica falls back to its own share of each budget and its own reads")
			.register(meters);
		return coordination;
	}

	@Bean
	@Nullable RedisSharedBudgets sharedBudgets(ObjectProvider<RedisConnection> redisConnection,
			ObjectProvider<Coordination> coordination) {
		RedisConnection connection = redisConnection.getIfAvailable();
		Coordination coordinated = coordination.getIfAvailable();
		return (connection != null && coordinated != null) ? new RedisSharedBudgets(connection, coordinated) : null;
	}

	@Bean
	@Nullable RedisSharedReads sharedReads(ObjectProvider<RedisConnection> redisConnection,
			ObjectProvider<Coordination> coordination, SnapGateProperties properties) {
		RedisConnection connection = redisConnection.getIfAvailable();
		Coordination coordinated = coordination.getIfAvailable();
		return (connection != null && coordinated != null)
				? new RedisSharedReads(connection, coordinated, properties.resilience().sharedReadLease()) : null;
	}

	/**
	 * As {@code @ConditionalOnProperty} on either setting: set, and not {@code false}.
	 */
	static boolean redisConfigured(Environment environment) {
		for (String name : new String[] { "spring.data.redis.host", "spring.data.redis.url" }) {
			String value = environment.getProperty(name);
			if (value != null && !"false".equalsIgnoreCase(value)) {
				return true;
			}
		}
		return false;
	}

}
