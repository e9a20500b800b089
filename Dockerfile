# SnapGate container image. Build the jar first, then the image:
#   ./mvnw package && docker build -t snapgate .
# The classic builder is enough: no BuildKit features are used.
ARG BASE_IMAGE=eclipse-temurin:25-jre

# Stage 1: split the fat jar into layers that change at different rates (dependencies rarely,
# the application on every commit), so that a new build ships only the small top layer.
FROM ${BASE_IMAGE} AS extract
# Marks this stage's leftover image: docker image prune --filter label=io.snapgate.stage=extract
LABEL io.snapgate.stage=extract
WORKDIR /build
COPY target/snapgate-*.jar snapgate.jar
RUN java -Djarmode=tools -jar snapgate.jar extract --layers --destination extracted

# Stage 2: the runtime.
FROM ${BASE_IMAGE}
# A numeric user, so that Kubernetes can check runAsNonRoot; owns nothing in the image.
ARG APP_UID=10001
RUN groupadd --system --gid ${APP_UID} snapgate \
	&& useradd --system --uid ${APP_UID} --gid ${APP_UID} --no-create-home --home-dir /nonexistent \
		--shell /usr/sbin/nologin snapgate
WORKDIR /app
COPY --from=extract /build/extracted/dependencies/ ./
COPY --from=extract /build/extracted/spring-boot-loader/ ./
COPY --from=extract /build/extracted/snapshot-dependencies/ ./
COPY --from=extract /build/extracted/application/ ./

# Container-aware defaults, the chart's (helm/snapgate/values.yaml says why each is there); Kubernetes may
# replace them whole. G1 is chosen explicitly because the JVM picks the Serial collector in containers
# with less than 2 CPUs or 1792 MB. The AOT cache below is trained with them.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=35 -XX:+UseG1GC -XX:+UseCompactObjectHeaders -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError"

# Spring AOT: the jar holds its application context as generated code (spring-boot:process-aot in the
# build), used with -Dspring.aot.enabled=true, which the training run and the entry point both pass.
# It spares the start the parsing of the configuration classes and their conditions. SnapGate reads at
# start every setting those conditions would otherwise fix at build time (the sandbox profile, a JWT
# issuer, OTLP export, Redis), except a separate management port, which it refuses to start with
# (docs/benchmarks.md).
#
# JDK 25 AOT cache (JEP 483/514/515): a training run records the classes loaded and linked, and
# method profiles, while the application context starts; later starts map them instead of loading
# the jars again. Trained in the sandbox profile so that it calls no provider and needs no secret;
# spring.context.exit=onRefresh stops it once the context is refreshed, before the server starts.
# The cache is only valid for this JVM, this class path and the object header layout (other heap sizes
# and collectors are fine):
# otherwise the JVM logs an [aot] line and starts without it. -XX:AOTMode=off in JAVA_TOOL_OPTIONS
# skips it.
RUN java -XX:AOTCacheOutput=/app/snapgate.aot -Xlog:aot=error -Dspring.aot.enabled=true \
		-Dspring.context.exit=onRefresh -Dspring.profiles.active=sandbox -jar snapgate.jar \
	&& rm -rf /tmp/*

USER ${APP_UID}:${APP_UID}
EXPOSE 8080
# Exec form: java is PID 1 and receives SIGTERM itself, so Spring's graceful shutdown runs.
# Only /tmp needs to be writable (Tomcat's work directory, hsperfdata).
ENTRYPOINT ["java", "-XX:AOTCache=/app/snapgate.aot", "-Dspring.aot.enabled=true", "-jar", "/app/snapgate.jar"]
