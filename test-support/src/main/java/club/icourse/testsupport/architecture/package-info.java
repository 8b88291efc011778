/**
 * Architecture rules both apps hold alike (ArchUnit), for their ArchitectureTests.
 */
package club.icourse.testsupport.architecture;
