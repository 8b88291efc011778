/** Request ids and logging that both apps share (auto-configured). */
package club.icourse.observability;
