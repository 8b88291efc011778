/**
 * The review-data API under {@code /api}: an OAuth 2 resource server for access tokens
 * issued by iCourse ID, beside the site's own sign-in. Public reads (catalogue, figures,
 * reviews as an anonymous visitor reads them) take any registered app's token; what the
 * person sees only when signed in, and writing a review, take {@code reviews.read} or
 * {@code reviews.write} granted by that person. It owns the API's security chain, its
 * per-app rate limit, cursors, problem details and OpenAPI description; it never decides
 * who may read a review: that stays with {@link club.icourse.reviewapp.review.Visibility}
 * and the listings built on it.
 */
package club.icourse.reviewapp.api;
