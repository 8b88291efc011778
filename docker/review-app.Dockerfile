# syntax=docker/dockerfile:1
# The review-app image. Build from the repository root: docker build -f docker/review-app.Dockerfile .
# (docker/compose.yaml does this.)

# Build with the Maven wrapper. The db module starts an embedded MariaDB to check the migrations and generate the jOOQ
# classes, so the build stage is a full JDK on Ubuntu (the MariaDB binaries need glibc, libsystemd and libstdc++).
FROM eclipse-temurin:25-jdk-noble AS build
RUN apt-get update && apt-get install -y --no-install-recommends libsystemd0 libcrypt1 libstdc++6 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl review-app -am package -DskipTests \
    && cp review-app/target/review-app-*.jar /tmp/app.jar \
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
ENV PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# Readiness, not liveness: an instance that cannot reach its database takes no traffic. Health is on MANAGEMENT_PORT
# when one is set.
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD wget -q -O /dev/null "http://127.0.0.1:${MANAGEMENT_PORT:-$PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
