/**
 * Loading the course catalogue from catalogue files (docs/catalogue-format.md): reading
 * and checking a whole file, then applying it in one transaction with batched upserts,
 * from the admin page or the import command. Also the shipped sample catalogue and the
 * demo reviews the local run and tests load.
 */
package club.icourse.reviewapp.catalogue;
