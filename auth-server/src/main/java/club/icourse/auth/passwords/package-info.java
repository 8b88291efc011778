/**
 * Password hashing kept within what the machine can do: a bounded number of hashes at
 * once, a bounded queue, and a clear 503 beyond it. Depends on no other feature.
 */
package club.icourse.auth.passwords;
