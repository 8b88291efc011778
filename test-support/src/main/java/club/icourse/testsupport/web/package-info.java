/**
 * Checks both apps run the same way: each app's test extends one of these and names only
 * what differs (its titles, its schema, its pages); the port comes from the running test
 * app. Home page, health, message bundles, static resources, and the browser-level policy
 * checks' common part.
 */
package club.icourse.testsupport.web;
