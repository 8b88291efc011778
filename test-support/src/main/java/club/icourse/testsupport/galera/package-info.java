/**
 * A real three-node MariaDB Galera cluster on this machine, for the tests that prove the
 * product survives losing a database node, and for a local run on one
 * (scripts/galera.sh). It never touches the machine's own MariaDB service.
 */
package club.icourse.testsupport.galera;
