# syntax=docker/dockerfile:1
# The auth-server image. Build from the repository root: docker build -f docker/auth-server.Dockerfile .
# (docker/compose.yaml does this.)

# Build with the Maven wrapper. The db module starts an embedded MariaDB to check the migrations and generate the jOOQ
# classes, so the build stage is a full JDK on Ubuntu (the MariaDB binaries need glibc, libsystemd and libstdc++).
FROM eclipse-temurin:25-jdk-noble AS build
RUN apt-get update && apt-get install -y --no-install-recommends libsystemd0 libcrypt1 libstdc++6 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl auth-server -am package -DskipTests \
    && cp auth-server/target/auth-server-*.jar /tmp/app.jar \
    && java -Djarmode=tools -jar /tmp/app.jar extract --layers --destination /tmp/app

# Run on a JRE as an unprivileged user. Dependencies, Spring Boot's loader, snapshot dependencies and the app are
# separate layers, so a code change rebuilds only the last one.
FROM eclipse-temurin:25-jre-alpine
RUN addgroup -S icourse && adduser -S -G icourse -H -h /app icourse
WORKDIR /app
COPY --from=build /tmp/app/dependencies/ ./
COPY --from=build /tmp/app/spring-boot-loader/ ./
COPY --from=build /tmp/app/snapshot-dependencies/ ./
COPY --from=build /tmp/app/application/ ./
USER icourse
ENV PORT=9000 \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-Xms64m -Xmx192m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -Xss512k -XX:+ExitOnOutOfMemoryError"
EXPOSE 9000
# Readiness, not liveness: an instance that cannot reach its database takes no traffic. Health is on MANAGEMENT_PORT
# when one is set.
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD wget -q -O /dev/null "http://127.0.0.1:${MANAGEMENT_PORT:-$PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
