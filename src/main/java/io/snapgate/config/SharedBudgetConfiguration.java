package io.snapgate.config;

import java.time.Clock;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.snapgate.guard.Coordination;
import io.snapgate.guard.RedisConnection;
import io.snapgate.guard.RedisSharedBudgets;
import io.snapgate.guard.RedisSharedReads;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * One request budget per provider for every replica, and one read for identical reads of
 * every replica, kept in Redis over one connection, once Redis is configured the Spring
 * Boot way ({@code spring.data.redis.host} or {@code .url}). Without it, each replica
 * keeps its own share and its own reads, and nothing here is made.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SharedBudgetConfiguration.RedisConfigured.class)
class SharedBudgetConfiguration {

	/**
	 * 1 while the replicas share their budgets and reads, 0 while each falls back to its
	 * own.
	 */
	static final String COORDINATION_UP = "snapgate.coordination.up";

	@Bean(destroyMethod = "close")
	RedisConnection redisConnection(LettuceConnectionFactory redis, SnapGateProperties properties) {
		return new RedisConnection(() -> (RedisClient) redis.getRequiredNativeClient(),
				properties.resilience().sharedBudgetTimeout());
	}

	@Bean
	Coordination coordination(SnapGateProperties properties, MeterRegistry meters, ObjectProvider<Clock> clock) {
		Coordination coordination = new Coordination(properties.resilience().sharedBudgetRetry(),
				clock.getIfAvailable(Clock::systemUTC));
		Gauge.builder(COORDINATION_UP, coordination, (state) -> state.isUp() ? 1 : 0)
			.description("1 while every replica spends from the request budgets kept in Redis and shares its "
					+ "reads there, 0 while this replica falls back to its own share of each budget and its own reads")
			.register(meters);
		return coordination;
	}

	@Bean
	RedisSharedBudgets sharedBudgets(RedisConnection redisConnection, Coordination coordination) {
		return new RedisSharedBudgets(redisConnection, coordination);
	}

	@Bean
	RedisSharedReads sharedReads(RedisConnection redisConnection, Coordination coordination,
			SnapGateProperties properties) {
		return new RedisSharedReads(redisConnection, coordination, properties.resilience().sharedReadLease());
	}

	static final class RedisConfigured extends AnyNestedCondition {

		RedisConfigured() {
			super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("spring.data.redis.host")
		static final class Host {

		}

		@ConditionalOnProperty("spring.data.redis.url")
		static final class Url {

		}

	}

}
