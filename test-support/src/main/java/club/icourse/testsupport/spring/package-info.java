/**
 * Glue that points a Spring application under test at the real database and mail server
 * of the run.
 */
package club.icourse.testsupport.spring;
