/** A real SMTP server in the JVM (GreenMail) and helpers to read what it received. */
package club.icourse.testsupport.mail;
