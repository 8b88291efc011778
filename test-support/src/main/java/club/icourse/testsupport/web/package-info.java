/**
 * Checks both apps run the same way: each app's test extends one of these and names only
 * what differs (its port, its titles, its schema).
 */
package club.icourse.testsupport.web;
